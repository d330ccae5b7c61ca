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
  },
  end: {
    done: (verified, already) => `완료: 대상 멤버 계정 모두 자격 증명이 없음을 AWS에서 읽어 확인했습니다 (제거 후 ${verified}개, 원래 없던 ${already}개).`,
    notDone: (n, total, parts) => `완료되지 않음: 멤버 계정 ${total}개 중 ${n}개는 자격 증명 없음이 확인되지 않았습니다: ${parts}.`,
    parts: {
      failed: (n, why) => `${n}개 실패 (${why})`,
      stillHolds: (n) => `${n}개는 제거 후에도 자격 증명이 남아 있음`,
      notRemoved: (n) => `${n}개는 바꾸지 않음 (거절)`,
      notStarted: (n) => `${n}개는 시작하지 않음`,
    },
    reasons: {
      scp: (n) => `${n}개 SCP가 거부`,
      "region-disabled": (n) => `${n}개 리전 비활성`,
      throttled: (n) => `${n}개 제한(Throttling)`,
      expired: (n) => `${n}개 세션 만료`,
      "access-denied": (n) => `${n}개 액세스 거부`,
      other: (n) => `${n}개 기타 오류`,
    },
    notSent: (holds) => `${holds}: 아무것도 보내지 않음 (거절)`,
    notStarted: "시작하지 않음 (중지됨)",
    more: (n) => `… ${n}개 더: 모든 계정은 증거 보고서에 있습니다`,
    forward: "할 일:",
    fixScp: (name, id) =>
      `SCP ${name} (${id})에서 AssumeRoot 세션을 예외로 두세요: 거부 문에 "Null": {"aws:AssumedRoot": "true"}를 추가합니다 (\`rootlock org scp\`가 그런 SCP를 출력합니다).`,
    checkScp: (name, id) => `SCP ${name} (${id})를 확인하세요: AssumeRoot 세션(aws:AssumedRoot)을 예외로 두는지 rootlock이 판단할 수 없습니다.`,
    findScp: 'SCP가 루트의 작업을 거부했습니다: 이 계정들 위에서 그것을 거부하는 SCP에 AssumeRoot 세션 예외를 두세요 ("Null": {"aws:AssumedRoot": "true"}).',
    fixRegion: "RegionDisabled: 이 계정들에서 리전을 활성화하거나, 활성화된 리전을 --region으로 지정해 실행하세요.",
    fixLater: "제한(Throttling)되었거나 세션이 만료되었습니다: 나중에 다시 실행하세요.",
    fixAccess: (actions) => `액세스 거부 (SCP 때문은 아님): 호출자에게 ${actions} 권한을 주세요.`,
    fixOther: "기타 오류: 각 계정의 호출과 응답은 증거 보고서에 있습니다.",
    fixStillHolds: "IAM은 제거를 늦게 보여 줄 수 있습니다: 1분 뒤에 다시 실행하세요 (루트를 먼저 읽고, 남은 것만 계획합니다).",
    fixNotRemoved: "거절함: 다시 실행해 계획을 확인하면 남은 자격 증명을 제거합니다.",
    again: (command) => `그다음 이 계정들만 다시 실행: ${command}`,
    againMany: (n, command) => `그다음 이 계정 ${n}개만 다시 실행: ${command} --accounts 뒤에 그 ID들 (증거 보고서에 있음).`,
    skipped: (parts) => `대상 아님: ${parts}.`,
    skippedManagement: "관리 계정 (AssumeRoot의 대상이 될 수 없음: 그 계정에서 `rootlock` 실행)",
    skippedInactive: (n) => `ACTIVE가 아닌 계정 ${n}개`,
    leave: (code) => `Enter를 누르면 증거 보고서를 쓰고 나갑니다 (종료 상태 ${code}).`,
    heading: "실행 결과",
  },
  evidence: {
    ok: "성공",
    gone: "이미 없음 (NoSuchEntity)",
    minted: "ExpiredToken: 세션을 다시 발급함",
    found: (password, accessKeys, mfaDevices, certificates) =>
      `비밀번호: ${password ? "있음" : "없음"}, 액세스 키: ${accessKeys}개, MFA 디바이스: ${mfaDevices}개, 서명 인증서: ${certificates}개`,
  },
  exitHint: "종료 상태: 0 모두 자격 증명 없음, 1 발견 사항 있음, 2 모든 계정을 감사하지 못함.",
  keys: { continue: "Enter 나가기" },
  keyHelp: {
    title: "키",
    send: "y       보여 준 호출(또는 보여 준 계획의 모든 호출)을 보냅니다",
    decline: "n       보내지 않습니다",
    eachAccount: "e       계획을 계정마다 하나씩 확인합니다",
    continue: "Enter   증거 보고서를 쓰고 나갑니다",
    help: "?       이 도움말을 보이거나 숨깁니다",
    quitBefore: "q       지금 종료 (종료 상태 3): 더 보내는 것은 없고, 어느 멤버 계정의 루트도 바뀌지 않았습니다",
    quitAudit:
      "q       감사 중지 (종료 상태 3): 새로 시작하는 계정은 없고, 진행 중인 계정은 끝까지 하고 저널에 적습니다. `rootlock org --resume`은 저널에 끝난 것으로 적힌 계정을 다시 감사하지 않고 이어 갑니다",
    quitRemoval:
      "q       제거 중지 (종료 상태 3): 새로 시작하는 계정은 없고, 진행 중인 계정은 호출과 다시 읽기를 끝까지 하고 저널에 적습니다. 나머지 계정은 건드리지 않습니다. `rootlock org --resume`은 저널에 끝난 것으로 적힌 계정을 다시 하지 않고 이어 갑니다",
    quitEnd: "q       Enter처럼 나갑니다",
    interrupt: "Ctrl-C  q와 같고, 종료 상태는 130",
    footer: "모든 호출은 할 때마다 저널에 적습니다. 증거 보고서는 어떻게 끝나든 rootlock이 나갈 때 씁니다.",
  },
  usage: `rootlock org — 모든 멤버 계정의 루트를 관리 계정(또는 IAM 위임 관리자)에서,
AssumeRoot의 작업 범위 세션으로

사용법: rootlock org [옵션]            모든 멤버 루트를 감사하고, 남은 자격
                                       증명을 제거하고 (계획을 먼저 확인),
                                       각 루트를 다시 읽습니다
        rootlock org check [--json]    감사만: 아무것도 바꾸지 않습니다
        rootlock org recover ACCOUNT   ACCOUNT의 루트에 아무도 모르는 비밀번호를
                                       만듭니다 (소유자의 "Forgot password"용)
        rootlock org scp               멤버 루트를 보호하는 SCP (AssumeRoot
                                       예외 포함)를 JSON으로 출력합니다

옵션
  --accounts IDS     이 멤버 계정만 (12자리 ID, 쉼표로 구분)
  --ou IDS           이 OU 아래의 계정만 (ou-… 또는 r-…, 쉼표로 구분)
  --json             check와 함께: 감사 결과를 표준 출력에 JSON으로
  --resume           저널에서 이어 가기: 끝난 것으로 적힌 것은 다시 하지 않음
  --journal PATH     저널 (기본: ./rootlock-org-journal.jsonl)
  --report PATH      증거 보고서를 쓸 곳 (기본: 현재 폴더)
  --demo             계정 60개의 모의 조직: 아무것도 보내지 않음
  --profile NAME     AWS 프로필: 관리 계정 또는 IAM 위임 관리자의 것
  --region REGION    AssumeRoot의 STS 엔드포인트 (기본: AWS_REGION, us-east-1)
  --lang en|ko       언어 (기본: LANG에서)
  -h, --help         이 도움말

키: y 보내기 · n 보내지 않음 · e 계정마다 확인 · Enter 나가기 · q 종료
    ? 도움말 (지금 쓸 수 있는 키) · Ctrl-C 종료

종료 상태
  0    대상 멤버 계정 모두 자격 증명 없음 (recover, scp: 완료)
  1    자격 증명이 남음: check가 찾음, 거절함, 또는 제거 후에도 남음
       (recover: 거절함, 또는 아직 다시 읽어 확인되지 않음)
  2    감사하거나 바꾸지 못한 계정이 있음, 조직이 준비되지 않음,
       자격 증명 없음, 또는 잘못된 명령줄
  3    끝나기 전에 q로 종료
  130  Ctrl-C`,
};
