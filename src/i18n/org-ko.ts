// 한국어: `rootlock org`의 카탈로그. org-en.ts와 같은 모양이어야 합니다 (TypeScript가 확인).
import type { OrgMessages } from "./org-en.js";

export const orgKo: OrgMessages = {
  title: "rootlock org — 모든 멤버 계정의 루트를 한 곳에서",
  badge: "모의 조직",
  demo: "모의 조직(데모): AWS로 아무것도 보내지 않습니다.",
  readiness: {
    heading: "준비 상태",
    caller: (arn, role) => `호출자: ${arn} (${role})`,
    roles: { management: "관리 계정", "delegated-admin": "IAM 위임 관리자", member: "멤버 계정" },
    noOrganization: "이 계정은 AWS 조직에 속해 있지 않습니다. `rootlock org`에는 조직이 필요합니다. 이 계정에는 마법사(`rootlock`)를 실행하세요.",
    notAllowed:
      "이 호출자는 관리 계정도 IAM 위임 관리자도 아니어서 AWS가 AssumeRoot를 거부합니다. 관리 계정에서 `rootlock org`를 실행하거나, 관리 계정에서 이 계정을 IAM 위임 관리자로 등록하세요.",
    ready: "준비됨: 중앙 루트 액세스가 켜져 있고 이 호출자가 사용할 수 있습니다.",
    missing: {
      organization: "조직 없음",
      "all-features": "조직에 모든 기능이 켜져 있지 않습니다 (통합 결제만 사용 중)",
      "trusted-access": "IAM이 조직에서 신뢰할 수 있는 액세스를 갖고 있지 않습니다",
      RootCredentialsManagement: "IAM의 루트 자격 증명 관리가 꺼져 있습니다",
      RootSessions: "IAM의 권한 있는 루트 작업(루트 세션)이 꺼져 있습니다",
    },
    whoFixes: {
      "management-account": "관리 계정만 켤 수 있습니다.",
      console: "관리 계정만 Organizations 콘솔에서 할 수 있습니다 (모든 멤버 계정의 승인이 필요).",
    },
    offer: (call) => `${call} 호출을 보낼까요? [y/N] `,
    fixed: (call) => `${call}: 보냈고, 다시 읽어 켜진 것을 확인했습니다.`,
    notFixed: (call, code) => `${call}: ${code}. 그 밖에는 아무것도 바꾸지 않았습니다.`,
    notVerified: (call) => `${call}: 보냈지만 다시 읽은 결과에 아직 보이지 않습니다. 1분 뒤에 rootlock org를 다시 실행하세요.`,
    cannotAudit: "중앙 루트 액세스가 준비되지 않아 멤버 계정을 하나도 감사하지 않았습니다.",
  },
  unknownAccounts: (ids) => `이 조직에 없는 계정: ${ids}.`,
  audit: {
    heading: (n) => `계정 ${n}개 감사 (IAMAuditRootUserCredentials로 AssumeRoot, 계정마다 짧은 세션 하나)`,
    progress: (done, total, pool, eta) => `${done}/${total} 계정 · 동시에 ${pool}개 · ${eta}`,
    eta: (seconds) => (seconds < 1 ? "마무리 중" : `약 ${Math.ceil(seconds)}초 남음`),
    counts: (parts) => `상태별: ${parts}`,
    resumed: (n) => `저널에 이미 끝난 계정 ${n}개: 다시 감사하지 않습니다.`,
  },
  states: {
    "credential-less": "자격 증명 없음",
    holds: "자격 증명 있음",
    verified: "자격 증명 없음 확인됨",
    "still-holds": "아직 자격 증명 있음",
    failed: "실패",
    skipped: "건너뜀",
  },
  head: { account: "계정", name: "이름", state: "상태", detail: "내용" },
  holds: (password, keys, mfa, certs) =>
    [password ? "비밀번호" : "", keys ? `액세스 키 ${keys}개` : "", mfa ? `MFA 디바이스 ${mfa}개` : "", certs ? `인증서 ${certs}개` : ""].filter(Boolean).join(", "),
  skip: {
    management: "관리 계정: AssumeRoot의 대상이 될 수 없습니다. 그 계정에서는 마법사(`rootlock`)를 실행하세요",
    "not-active": (state) => `${state}: ACTIVE 계정만 감사합니다`,
  },
  failures: {
    scp: (action) => `${action}: 서비스 제어 정책(SCP)이 거부함`,
    "region-disabled": "이 계정은 이 리전에서 STS가 활성화되어 있지 않습니다(RegionDisabled): 리전을 활성화하거나, 활성화된 리전을 --region으로 지정하세요",
    throttled: "재시도를 모두 했지만 AWS가 계속 제한(Throttling)했습니다: 나중에 다시 실행하세요 (--resume으로 이어서)",
    expired: "루트 세션이 작업을 마치기 전에 두 번 만료되었습니다",
    "access-denied": (action) => `${action}: 액세스 거부 (SCP 때문은 아님)`,
    other: (action, code) => `${action}: ${code}`,
  },
  scp: {
    effect: {
      protects: "멤버 루트를 보호하고 AssumeRoot 세션은 예외로 둡니다",
      "blocks-assume-root": "aws:AssumedRoot 예외 없이 루트의 작업을 거부합니다: AssumeRoot 작업도 막힙니다",
      neutral: "루트 사용자와 관계없습니다",
      unknown: "rootlock이 판단할 수 없습니다 (평가하지 않는 조건)",
    },
    line: (name, id, effect) => `SCP ${name} (${id}): ${effect}`,
    exemption:
      'AssumeRoot 세션은 멤버 계정의 루트이며, 그 요청에는 aws:AssumedRoot = "true"가 붙습니다. 실제 루트 로그인은 막고 중앙 루트 액세스는 허용하려면 거부 문에 "Null": {"aws:AssumedRoot": "true"}를 추가하세요.',
    unreadable: "이 호출자는 SCP 문서를 읽을 수 없었습니다.",
  },
  plan: {
    heading: (accounts, calls) => `계획: 계정 ${accounts}개에 호출 ${calls}개 (IAMDeleteRootUserCredentials로 AssumeRoot, 이어서 감사 정책으로 다시 읽기)`,
    account: (id, name) => `${id} ${name}`,
    confirmAll: "모두 보낼까요? [a] 모두, [e] 계정마다 확인, [n] 보내지 않음: ",
    confirmOne: (id) => `${id}의 호출을 보낼까요? [y/N] `,
    none: "지울 것이 없습니다: 감사한 모든 루트에 자격 증명이 없습니다.",
    declined: "아무것도 보내지 않았습니다.",
  },
  results: {
    heading: "결과",
    notStarted: (n) => `계정 ${n}개는 시작하지 않았습니다(중지됨). --resume으로 다시 실행하면 이어집니다.`,
    interrupted: "중지됨: 진행 중이던 계정은 끝까지 처리했고 새 계정은 시작하지 않았습니다. 각 계정의 마지막 호출 결과는 저널에 있습니다.",
  },
  report: {
    written: (markdown, json) => `증거 보고서: ${markdown} (및 ${json})`,
    failed: (code) => `증거 보고서를 쓸 수 없었습니다(${code}). --report PATH로 쓸 수 있는 위치를 지정하세요.`,
    journal: (path) => `저널: ${path}`,
    title: "rootlock org — 증거",
    organization: "조직",
    caller: "호출자",
    checked: "확인 시각",
    exit: "종료 상태",
    read: "읽음",
    write: "변경",
    "read-back": "다시 읽음",
  },
  recover: {
    notVerified: (id) =>
      `CreateLoginProfile에 응답은 왔지만 다시 읽어 보니 ${id}의 루트에 아직 비밀번호가 없습니다: 1분 뒤에 \`rootlock org recover ${id}\`를 다시 실행하세요.`,
    notMember: (id) => `${id}은(는) 이 조직의 ACTIVE 멤버 계정이 아닙니다 (또는 관리 계정입니다).`,
    has: (id) => `${id}의 루트에는 이미 비밀번호가 있습니다: 할 일이 없습니다. 소유자는 로그인 화면의 "Forgot password"를 쓰면 됩니다.`,
    confirm: (call, id) => `${id}에서 루트로 (IAMCreateRootUserPassword로 AssumeRoot): ${call}. 보낼까요? [y/N] `,
    done: (id, email) =>
      `완료, 다시 읽어 확인함: ${id}의 루트에 아무도 모르는 비밀번호가 생겼습니다. 이제 루트 이메일의 소유자(${email})가:\n  1. https://console.aws.amazon.com/ 에서 "Root user"를 고르고 ${email}을 입력합니다;\n  2. "Forgot password?"를 고르고 AWS가 보낸 메일의 링크를 따라갑니다;\n  3. 새 비밀번호를 정하고 로그인한 뒤 바로 MFA를 추가합니다 (rootlock 마법사가 안내합니다).`,
    failed: (code, action) => `${action}: ${code}. 그 밖에는 아무것도 바꾸지 않았습니다.`,
  },
  guard: {
    heading: "보호 장치: 멤버 루트에 대한 SCP",
    protectedBy: (n, total) => `감사한 계정 ${total}개 중 ${n}개가 멤버 루트를 보호하는 SCP 아래에 있습니다.`,
    none: "멤버 루트를 보호하는 SCP가 없습니다. `rootlock org scp`가 JSON으로 하나를 출력합니다. rootlock은 직접 연결하지 않습니다: Organizations 콘솔에서 원하는 OU에 연결하세요.",
  },
  screen: {
    stopping: "멈추는 중: 진행 중인 계정은 끝까지 하고 저널에 적습니다. 새로 시작하는 계정은 없습니다.",
    offer: (call) => `${call} 호출을 보낼까요?`,
    confirmPlan: "위의 호출을 모두 보낼까요 (계정마다 세션 하나, 이어서 다시 읽기)?",
    confirmAccount: (id, calls) => `${id}의 호출을 보낼까요: ${calls}?`,
    keyNotTaken: "반영 안 됨: 너무 빨랐거나 키를 누르고 있었음. 질문을 읽은 뒤 다시 누르십시오.",
    done: "완료. 나가면 증거 보고서와 저널을 씁니다.",
  },
  evidence: {
    ok: "성공",
    gone: "이미 없음 (NoSuchEntity)",
    minted: "ExpiredToken: 세션을 다시 발급함",
    found: (password, accessKeys, mfaDevices, certificates) =>
      `비밀번호: ${password ? "있음" : "없음"}, 액세스 키: ${accessKeys}개, MFA 디바이스: ${mfaDevices}개, 서명 인증서: ${certificates}개`,
  },
  exitHint: "종료 상태: 0 모두 자격 증명 없음, 1 발견 사항 있음, 2 모든 계정을 감사하지 못함.",
};
