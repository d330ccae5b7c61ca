// 한국어: en.ts와 같은 모양의 메시지 카탈로그(TypeScript가 빠진 항목을 잡아냅니다). 콘솔 화면의 이름은 한국어
// AWS 콘솔의 표기를 따르고, API 작업 이름·키·ARN·URL·명령은 영어 그대로 둡니다.
import { AUDIT_IDS, CONTROL_IDS, type ControlId, HARDWARE_MFA_IDS, idsInTitle, idsShort } from "../steps/controls.js";
import { CONSOLE_DEVICE_NAME_MAX } from "../aws/names.js";
import type { Messages } from "./en.js";
import { evidenceKo } from "./evidence-ko.js";
import { reportKo } from "./report-ko.js";

/** 제목에 붙는 통제 ID: 하나뿐인 표(steps/controls.ts)에서 가져옵니다. */
const titleIds = (control: ControlId) => idsInTitle(CONTROL_IDS[control], (related) => `${related} 관련`);

export const ko: Messages = {
  cli: {
    usage: `rootlock — AWS 계정의 루트 사용자를 한 번의 안내·검증 과정으로 잠급니다

사용법:
  rootlock [옵션]
      마법사
  rootlock check [--json] [--report PATH]
      루트 사용자 비대화형 점검 (종료 코드 0 통과, 1 실패, 2 알 수 없음
      또는 점검 불가); AWS 자격 증명이 필요하며, 모의 계정은 --demo로 점검
  rootlock alerts
      루트 활동 알림 단계만 (SNS 이메일, EventBridge 규칙, 트레일)
  rootlock policy [--check|--wizard] [--dry-run]
      check(기본) 또는 마법사에 필요한 최소 권한 IAM 정책을 출력
  rootlock org [check [--json] | recover ACCOUNT | scp]
               [--accounts IDS] [--ou IDS] [--journal PATH] [--resume]
      관리 계정(또는 IAM 위임 관리자)에서 모든 멤버 계정의 루트를
      감사(check: 종료 0 모두 자격 증명 없음, 1 발견 사항, 2 감사 못 함),
      제거, 확인; --demo: 모의 조직.
      --journal PATH: 계정마다 보낸 호출을 보내는 즉시 한 줄에 하나씩
      JSON으로 기록하는 파일 (기본: 현재 폴더의 rootlock-org-journal.jsonl);
      --resume은 이 파일을 읽어 끝난 계정을 건너뜀

모드
  (기본)           실제 AWS: 찾은 자격 증명(환경 변수, 프로필, SSO),
                   없으면 모의 계정
  --demo           모의 계정: 교육·워크숍용 (AWS 계정이 필요 없음). 실행이
                   끝나도 상태가 ~/.local/state/rootlock 또는
                   $XDG_STATE_HOME에 남으며 check --demo도 이를 읽음
  --reset          --demo와 함께: 모의 계정을 처음 상태로 되돌림
  --dry-run        실제 계정을 읽기만 하고 쓰기는 보내지 않음: 보낼 호출을
                   대신 보여 줌

옵션
  --scenario NAME  모의 계정 시나리오 (--demo 포함): new-account (기본),
                   clean, hardened, root-key
  --lang en|ko     언어 (기본: LANG에서)
  --profile NAME   사용할 AWS 프로필
  --region REGION  리전별 호출에 쓸 AWS 리전 (CloudTrail 로그인 기록은 항상
                   us-east-1에서 읽음)
  --topic NAME     루트 활동 알림용 SNS 주제 (기본: rootlock-root-activity)
  --report PATH    증거 보고서를 쓸 위치: 폴더 안에 (기본: 현재 폴더), 또는
                   PATH.md와 PATH.json으로;
                   check와 함께: 점검 결과를 PATH.json과 PATH.md로
                   (기본: 쓰지 않음)
  -h, --help       이 도움말
  -v, --version    버전

마법사 키: Enter 계속 · Esc 뒤로 · s 건너뛰기 · q 종료 · ? 도움말`,
    badOption: (detail: string) => `${detail}\n도움말: rootlock --help`,
    refusals: {
      missingValue: (option: string) => `${option} 뒤에 값이 필요합니다.`,
      takesNoValue: (option: string) => `${option} 옵션은 값을 받지 않습니다.`,
      choices: (option: string, given: string, choices: string) => `${option}: "${given}"은(는) 쓸 수 없습니다. 쓸 수 있는 값: ${choices}.`,
      shapes: {
        region: "리전은 us-east-1 같은 모양입니다",
        topic: "주제 이름은 영문자, 숫자, -, _로 된 1~256자입니다",
        accounts: "계정 ID는 12자리 숫자이고, 여러 개는 쉼표로 구분합니다",
        ou: "OU ID는 ou-ab12-cd34ef56 같은 모양입니다(루트는 r-ab12). 여러 개는 쉼표로 구분합니다",
      },
      demoProfile: "모의 계정(--demo, --scenario)에는 --profile을 쓸 수 없습니다.",
      unknownCommand: (typed: string) => `알 수 없는 명령 "${typed}": 명령은 "check", "alerts", "policy", "org"입니다(마법사는 명령 없이 실행).`,
      unknownOrgCommand: (typed: string) =>
        `알 수 없는 명령 "org ${typed}": \`rootlock org\`, \`rootlock org check\`, \`rootlock org recover ACCOUNT\`, \`rootlock org scp\` 중 하나입니다.`,
      notAnAccount: (typed: string) => `"${typed}"은(는) 계정 ID(12자리 숫자)가 아닙니다.`,
      goesWith: (option: string, where: string) => `${option} 옵션은 ${where}에만 씁니다.`,
      belongs: { org: "`rootlock org`", orgCheck: "`rootlock org check`", check: "`rootlock check`", wizardOrAlerts: "마법사나 `rootlock alerts`" },
      resetNeedsDemo: "--reset은 --demo 또는 --scenario와 함께 씁니다: 모의 계정을 처음 상태로 되돌립니다.",
      policyFlags: "--check와 --wizard는 `rootlock policy`에만 씁니다.",
      onePolicy: "`rootlock policy`는 정책을 하나만 출력합니다: --check와 --wizard 중 하나만 쓰십시오.",
      orgTakes:
        "`rootlock org`에 쓸 수 있는 옵션: --demo, --profile, --region, --accounts, --ou, --resume, --journal, --report, --lang, 그리고 `rootlock org check`에는 --json.",
    },
    unknownOption: (option: string, known: string) => `rootlock에는 ${option} 옵션이 없습니다. 쓸 수 있는 옵션: ${known}.\n도움말: rootlock --help`,
    noTty: "마법사는 표준 입력과 출력에 대화형 터미널(TTY)이 필요합니다. 터미널 창에서 실행하고, 스크립트와 CI에서는 `rootlock check`를 쓰십시오.",
    unknownProfile: (profile: string, config: string, credentials: string) =>
      `${config === credentials ? `${config}에` : `${config}에도 ${credentials}에도`} "${profile}"라는 AWS 프로필이 없습니다. \`aws configure list-profiles\`로 이름을 확인하거나, \`aws configure --profile ${profile}\`(또는 \`aws configure sso\`)로 설정하십시오.`,
    checkNoCredentials: (config: string, credentials: string) =>
      `rootlock check가 AWS 자격 증명을 찾지 못해 아무것도 점검하지 않았습니다(AWS_ACCESS_KEY_ID, AWS_PROFILE, 웹 자격 증명·컨테이너 변수가 없고, ${config}와 ${credentials}에 프로필이 없음). 자격 증명을 주거나(예: --profile NAME), 모의 계정을 점검하려면 \`rootlock check --demo\`를 실행하십시오.`,
    orgNoCredentials: (command: string, config: string, credentials: string) =>
      `${command}이(가) AWS 자격 증명을 찾지 못해 아무것도 하지 않았습니다(AWS_ACCESS_KEY_ID, AWS_PROFILE, 웹 자격 증명·컨테이너 변수가 없고, ${config}와 ${credentials}에 프로필이 없음). 관리 계정의 자격 증명을 주거나(예: --profile NAME), 모의 조직에서 해 보려면 \`${command} --demo\`를 실행하십시오.`,
    reportWritten: (markdown: string, json: string) => `증거 보고서: ${markdown} (및 ${json})`,
    reportFailed: (code: string) => `증거 보고서를 쓰지 못했습니다(${code}). --report PATH로 쓸 수 있는 위치를 지정하십시오.`,
    leftBehind: (ids: string) =>
      `종료하면서 되돌리지 못했습니다: ${ids}. IAM 콘솔에서 삭제하거나(MFA 디바이스: IAM → 멀티 팩터 인증 디바이스, 사용자나 그룹: IAM → 사용자 또는 사용자 그룹) rootlock을 다시 실행하십시오.`,
  },
  app: {
    name: "rootlock",
    modes: { simulated: "모의 계정", live: "실제", "dry-run": "드라이런" },
    account: (id: string) => `계정 ${id}`,
    keys: {
      continue: "Enter 계속",
      back: "Esc 뒤로",
      confirm: "Enter 실행",
      notNow: "Esc 지금은 안 함",
      deleteTyped: "Enter 키 삭제",
      stopWaiting: "Esc 대기 중단",
      checkAgain: "Esc 다시 확인",
      useName: "Enter 이 이름 사용",
      keepName: "Esc 이전 이름 유지",
      notChecked: "Enter 확인하지 않음",
      exit: "Enter 종료",
      otherField: "Tab 다른 코드 칸",
      select: "↑↓ 키 선택",
      skip: "s 건너뛰기",
      retry: "r 다시 시도",
      openStandIn: "c 콘솔 열기(모의)",
      showSecret: "Ctrl-K 비밀 키를 텍스트로",
      showQr: "Ctrl-R QR 코드",
      typeCodes: "Enter 코드 입력",
      changeName: "n 다른 디바이스 이름",
      newAdmin: "n 관리자 하나 더 만들기",
      addOwnAlerts: "a rootlock 알림도 추가",
      toggleApiCalls: "a API 호출 알림 켜기/끄기",
      toggleReadOnly: "r 읽기 전용 호출 켜기/끄기",
      toggleTrail: "t 트레일 만들기/안 만들기",
      sendTest: "t 테스트 메시지 보내기",
      openMailbox: "m 메일함 열기(모의)",
      webhook: "w 웹훅(Slack)",
      approveAll: "a 모두 승인",
      yes: "y 도착함",
      no: "n 도착하지 않음",
      deactivateKey: "d 비활성화",
      activateKey: "a 활성화",
      deleteKey: "x 삭제",
      send: "y 보내기",
      decline: "n 보내지 않음",
      eachAccount: "e 계정마다 확인",
      quit: "q 종료",
      help: "? 도움말",
      interrupt: "Ctrl-C 종료",
    },
    keyHelp: {
      continue: "Enter   계속",
      back: "Esc     뒤로: 이전 단계나 화면으로",
      confirm: "Enter   표시된 변경을 실행",
      notNow: "Esc     표시된 변경을 거절: 그 변경과 이후 변경은 보내지 않음",
      deleteTyped: "Enter   입력한 ID의 액세스 키 삭제 (모의 콘솔)",
      stopWaiting: "Esc     AWS 대기 중단: 이 단계는 미확인으로 기록됨",
      checkAgain: "Esc     콘솔 단계로 돌아가서 다시 확인",
      useName: "Enter   입력한 디바이스 이름 사용",
      keepName: "Esc     이전 디바이스 이름 유지",
      notChecked: "Enter   답하지 않고 계속: 알림은 확인하지 않음으로 기록됨",
      exit: "Enter   실행 종료 (q도 같음)",
      otherField: "Tab     다른 코드 칸으로 이동",
      select: "↑ ↓     목록에서 액세스 키 선택",
      skip: "s       이 단계 건너뛰기 (건너뜀으로 보고됨)",
      retry: "r       실패한 호출을 다시 시도",
      openStandIn: "c       모의 AWS 콘솔을 열어 콘솔에서 할 일을 여기서 하기",
      showSecret: "Ctrl-K  QR 코드 옆에 MFA 비밀 키를 텍스트로 표시",
      showQr: "Ctrl-R  QR 코드만 터미널 전체에 표시(작은 터미널에서는 코드 입력 칸 옆에 들어가지 않음)",
      typeCodes: "Enter   QR 코드를 닫고 두 코드를 입력(Ctrl-R도 같음)",
      changeName: "n       루트 MFA 디바이스의 이름을 다르게 정하기",
      newAdmin: "n       그래도 관리자 사용자를 하나 더 만들기",
      addOwnAlerts: "a       계정의 기존 알림 옆에 rootlock의 루트 활동 알림도 추가",
      toggleApiCalls: "a       모든 루트 API 호출에도 알림, 또는 로그인에만 알림",
      toggleReadOnly: "r       API 호출 알림에 읽기 전용 호출도 포함, 또는 쓰기 호출만",
      toggleTrail: "t       트레일 만들기, 또는 트레일이 생길 때까지 울릴 수 없는 규칙만 설정",
      sendTest: "t       알림 주제로 테스트 메시지 보내기",
      openMailbox: "m       모의 메일함을 열고 확인 링크 클릭",
      webhook: "w       Slack(또는 다른 HTTPS) 웹훅 추가·변경·제거; 결과 화면에서는 테스트 메시지 보내기",
      approveAll: "a       이 변경과 계획의 나머지 변경을 모두 승인 (삭제는 따로 다시 물음)",
      yes: "y       알림 이메일이 도착함",
      no: "n       알림 이메일이 도착하지 않음",
      deactivateKey: "d       선택한 액세스 키 비활성화",
      activateKey: "a       선택한 액세스 키 다시 활성화",
      deleteKey: "x       선택한 액세스 키 삭제 (먼저 비활성화)",
      send: "y       rootlock org: 보여 준 호출(또는 보여 준 계획의 모든 호출)을 보냄",
      decline: "n       rootlock org: 보내지 않음",
      eachAccount: "e       rootlock org: 계획을 계정마다 하나씩 확인",
      quit: "q       종료 (반쯤 된 작업은 먼저 되돌림)",
      help: "?       이 도움말 보이기/숨기기",
      interrupt: "Ctrl-C  즉시 종료 (반쯤 된 작업은 먼저 되돌림)",
    },
    noCredentials: "AWS 자격 증명을 찾지 못했습니다(AWS_* 변수도, 프로필도 없음): 모의 계정으로 실행합니다.",
    demoResumed: "모의 계정은 지난번 실행이 끝난 상태 그대로입니다. 처음부터 다시 하려면: rootlock --demo --reset",
    helpTitle: "키",
    helpFooter: "AWS에서 확인되기 전에는 어떤 것도 완료로 보고하지 않습니다. 직접 했지만 AWS가 아직 보여 주지 않은 변경은 '미확인'으로 보고합니다.",
    quitting: "종료하는 중: 반쯤 된 작업을 되돌리고 있습니다…",
    undoneOnTheWayOut: (what: string) =>
      `종료하면서 rootlock이 만들고 끝내지 않은 것을 삭제했습니다: ${what}. AWS가 각 삭제를 받아들였고, 종료하면서 다른 것은 바꾸지 않았습니다.`,
    stopped: "rootlock을 멈췄습니다. 이어서 하려면 다시 실행하십시오: 계정을 먼저 읽습니다.",
  },
  steps: {
    preflight: "사전 점검",
    "root-access-keys": "루트 액세스 키",
    "root-mfa": "루트 MFA",
    "operator-mfa": "관리자 사용자 MFA",
    "password-policy": "암호 정책",
    "admin-identity": "관리자 자격",
    "root-alerts": "루트 활동 알림",
    "root-signin": "로그인 테스트",
    summary: "요약",
  },
  bounded: {
    moreSettings: (n: number) => `… 위에 설정 ${n}개 더`,
    more: (n: number) => `… 위에 ${n}개 더`,
    moreInReport: (n: number) => `… 위에 ${n}개 더 (전부 증거 보고서에 있음)`,
  },
  stepsShort: {
    preflight: "점검",
    "root-access-keys": "루트 키",
    "root-mfa": "루트 MFA",
    "operator-mfa": "관리자 MFA",
    "password-policy": "암호",
    "admin-identity": "관리자",
    "root-alerts": "알림",
    "root-signin": "로그인",
    summary: "요약",
  },
  states: {
    verified: "확인됨",
    unverified: "완료, 미확인",
    failed: "실패",
    skipped: "건너뜀",
  },
  reasons: {
    "already-compliant": "이미 적용되어 있음",
    "read-back-confirms": "AWS에서 다시 읽어 확인함",
    "not-visible-yet": "AWS가 아직 변경을 보여 주지 않음",
    "operator-moved-on": "AWS가 보여 주기 전에 다음으로 넘어감",
    "operator-skipped": "건너뛰었음",
    "not-applicable": "이 호출자에게는 해당 없음",
    "permission-missing": "권한이 없음",
    "still-present": "AWS에 루트 액세스 키가 아직 있음",
    "signin-without-mfa": "루트가 MFA 없이 로그인함",
    "signin-failed": "실패한 로그인만 보임",
    "key-still-accepted": "삭제한 키를 AWS가 아직 받아들임",
    "dry-run": "드라이런: 보여 주기만 하고 보내지 않음",
    "subscription-pending": "설정은 되었지만 이메일 구독이 확인되지 않았습니다: 아직 아무것도 전달되지 않습니다",
    "no-trail": "규칙은 설정되었지만 관리 이벤트를 기록하는 트레일이 없어 울릴 수 없음",
    declined: "변경 하나를 거절함: 그 호출과 이후 호출은 보내지 않음",
    "not-reached": "도달하지 않음: 이 단계 전에 실행이 끝남",
    interrupted: "이 단계 도중에 실행이 끝남 (반쯤 된 것은 되돌림)",
    error: "오류로 중단됨",
  },
  common: {
    waiting: (what: string) => `AWS 응답 대기 중: ${what}`,
    elapsed: (time: string, reads: number) => `${time} 경과, ${reads}회 읽음`,
    confirmTitle: "rootlock이 호출할 작업:",
    confirmDryRun: "드라이런: 이 호출은 기록만 하고 보내지 않습니다.",
    wouldCall: "드라이런: rootlock이 호출할 작업",
    wouldVerify: (what: string) => `…그다음 확인할 것: ${what}`,
    confirmAgain: "되돌릴 수 없습니다. 확인하려면 Enter를 한 번 더 누르십시오.",
    keyNotTaken: "반영 안 됨: 너무 빨랐거나 키를 누르고 있었음. 읽은 뒤 다시 누르십시오.",
    done: "Enter: 계속",
    planTitle: (n: number) => `변경 ${n}개 중 1번째 — 전체 계획, 이 순서대로`,
    progress: (i: number, n: number) => `변경 ${n}개 중 ${i}번째`,
    placeholders: { password: "(생성됨, 한 번만 표시)", firstCode: "(첫 번째 코드)", nextCode: "(다음 코드)" },
    approveAll: (n: number) => `모두 승인하면 ${n}개 호출을 차례로 보냅니다 (삭제는 따로 확인).`,
    leftBehind: (items: string) => `그 전에 만든 것이 계정에 남아 있습니다: ${items}`,
    evidence: "다시 읽은 내용:",
    retryKeys: "r: 다시 시도 · s: 이 단계 건너뛰기 · q: 종료",
    outcomeUnknown: "응답이 사라지기 전에 AWS가 이 변경을 이미 적용했을 수 있습니다. rootlock은 다시 보내기 전에 계정 상태를 먼저 읽습니다.",
  },
  errors: {
    AccessDenied: (action: string) =>
      `AWS가 ${action}을(를) 거부했습니다: 이 자격 증명에 권한이 없습니다. 정책에 "${action}"을(를) 추가하거나 그 권한이 있는 자격 증명으로 rootlock을 실행하십시오.`,
    InvalidAuthenticationCode: (_action: string) => "AWS가 두 코드를 받아들이지 않았습니다. 새 코드를 기다린 뒤 연속된 두 코드를 입력하십시오.",
    EntityAlreadyExists: (_action: string) => "같은 이름의 디바이스가 이미 있습니다. 할당되지 않은 디바이스를 삭제하거나 다른 이름을 고르십시오.",
    DeleteConflict: (action: string) => `대상이 아직 사용 중이라 AWS가 ${action}을(를) 거부했습니다(키는 먼저 비활성화, 디바이스는 먼저 할당 해제해야 합니다).`,
    LimitExceeded: (_action: string) => "AWS 한도에 도달했습니다(예: 사용자당 MFA 디바이스 8개). 쓰지 않는 것을 하나 제거하십시오.",
    EntityTemporarilyUnmodifiable: (_action: string) => "AWS가 이 대상의 최근 변경을 아직 적용하고 있습니다. 1분쯤 기다린 뒤 다시 시도하십시오.",
    NoSuchEntity: (action: string) => `AWS에 따르면 대상이 더 이상 없습니다(${action}). 이미 제거되었을 수 있습니다: 다시 시도해 현재 상태를 읽으십시오.`,
    InvalidClientTokenId: (_action: string) => "AWS가 이 자격 증명을 거부합니다: 알 수 없거나 삭제된 액세스 키입니다. 다른 자격 증명을 사용하십시오.",
    ExpiredToken: (_action: string) => "AWS 세션이 만료되었습니다. 세션을 갱신한 뒤(예: `aws sso login`) rootlock을 다시 시작하십시오.",
    NoCredentials: (_action: string) =>
      "사용할 수 있는 AWS 자격 증명이 없습니다(환경 변수, 프로필, SSO 세션). `aws sts get-caller-identity`로 확인하고 세션을 갱신한 뒤(예: `aws sso login`) 다시 시작하십시오.",
    Throttling: (action: string) => `AWS가 ${action} 요청을 제한(스로틀링)하고 있습니다. 몇 초 기다린 뒤 다시 시도하십시오.`,
    NetworkError: (action: string) => `${action} 요청을 AWS에 보내지 못했습니다: 네트워크를 확인한 뒤 다시 시도하십시오.`,
    ServiceFailure: (action: string) => `AWS가 ${action}에 응답하지 못했습니다(서버 오류). 잠시 후 다시 시도하십시오.`,
    PasswordPolicyViolation: (_action: string) => "AWS가 암호를 거부했습니다: 계정의 암호 정책을 충족하지 않습니다.",
    Unknown: (action: string) => `${action}이(가) 예상치 못하게 실패했습니다. 다시 시도하거나 이 단계를 건너뛰십시오.`,
    InvalidParameter: (action: string) => `AWS가 ${action}의 값을 거부했습니다(예: 받아들이지 않는 주소나 이름). 확인한 뒤 다시 시도하십시오.`,
    BucketAlreadyExists: (_action: string) =>
      "그 S3 버킷 이름은 다른 AWS 계정이 쓰고 있습니다(버킷 이름은 전역입니다). 트레일을 건너뛰거나, 콘솔에서 다른 버킷으로 만드십시오.",
    InsufficientS3BucketPolicy: (_action: string) =>
      "CloudTrail이 버킷에 쓸 수 없습니다: 버킷 정책이 cloudtrail.amazonaws.com의 쓰기를 허용하지 않습니다. 버킷 정책이 보이면 다시 시도하십시오.",
  },
  check: {
    head: { control: "통제", cis: "CIS v3.0", securityHub: "Security Hub", status: "상태", evidence: "증거", source: "출처" },
    status: { pass: "통과", fail: "실패", unknown: "알 수 없음" },
    related: (id: string) => `${id} 관련`,
    asOf: (when: string) => `${when} 기준`,
    titles: {
      "root-access-keys": "루트 액세스 키 없음",
      "root-mfa": "루트 사용자 MFA",
      "root-hardware-mfa": "루트 사용자 하드웨어 MFA",
      "root-use": "루트는 MFA로만 사용 (로그인, 90일)",
      "root-activity-alerts": "루트 활동 알림",
      "security-contact": "보안 대체 연락처",
      "admin-identity": "루트 외의 관리자",
      "password-min-length": "암호 정책: 최소 길이 14 이상",
      "password-reuse": "암호 정책: 재사용 금지 (24)",
    },
    header: (account: string | undefined, simulated: boolean, caller: string | undefined, at: string) =>
      `rootlock check — 계정 ${account ?? "알 수 없음"}${simulated ? " (모의)" : ""}, 호출자 ${caller ?? "알 수 없음"}, 시각 ${at}`,
    markdown: {
      account: "계정",
      caller: "호출자",
      checked: "점검 시각",
      exit: "종료 코드",
      unknown: "알 수 없음",
      simulated: "모의",
    },
    note: (text: string) => `참고: ${text}`,
  },
  evidence: evidenceKo,
  report: reportKo,
  preflight: {
    title: "호출자는 누구이고, 루트 사용자는 어떤 상태인가",
    reading: "계정을 읽는 중…",
    caller: "호출자",
    account: "계정",
    callerKinds: { root: "루트 사용자(장기 액세스 키)", "iam-user": "IAM 사용자", "assumed-role": "IAM 역할", other: "기타 자격 증명" },
    clock: (seconds: string) => `AWS와의 시계 차이: ${seconds}초`,
    clockOff: (seconds: string) =>
      `이 컴퓨터의 시계가 AWS와 ${seconds}초 차이 납니다: 인증 앱 코드가 맞지 않습니다. 자동 시간 동기화를 켜고(예: \`timedatectl set-ntp true\`) 다시 시작하십시오.`,
    rootKeys: (present: boolean) => (present ? "루트 액세스 키: 있음" : "루트 액세스 키: 없음"),
    rootMfa: (on: boolean) => (on ? "루트 MFA: 활성화됨" : "루트 MFA: 활성화 안 됨"),
    orphans: (n: number) => `할당되지 않은 가상 MFA 디바이스: ${n}개 (루트 MFA 단계는 방해되는 것만 삭제)`,
    denied: (action: string) =>
      `읽기 권한 없음: ${action}. 이 권한이 필요한 단계는 그 사실을 알리고 미확인으로 끝납니다. 전체 점검을 하려면 이 자격 증명의 정책에 추가하십시오.`,
    operatorMfa: (user: string, n: number) => `${user}의 MFA: ${n > 0 ? "활성화됨" : "활성화 안 됨"}`,
    plan: "rootlock이 안내할 단계:",
    planRoot: "루트 자신의 액세스 키로 로그인했습니다: 그 키를 삭제하면 이 세션이 끝나므로 루트 키 단계가 마지막입니다.",
    planRootSession:
      "임시 자격 증명(루트의 액세스 키가 아닌 세션)으로 루트 로그인했습니다: AWS는 세션으로 루트의 키를 조회하거나 삭제하지 못하게 하므로, 키는 콘솔에서 삭제하고 rootlock이 확인합니다.",
    planRecommended: "루트가 아닙니다: 루트만 콘솔에서 할 수 있는 일은 rootlock이 안내하고, 여기서 결과를 확인합니다.",
  },
  rootKeys: {
    title: `루트 액세스 키 (${titleIds("root-access-keys")})`,
    why: "루트 액세스 키는 MFA 없이 모든 권한을 줍니다: 루트에는 키가 없어야 합니다.",
    none: "루트 사용자에게 액세스 키가 없습니다.",
    table: { key: "키", status: "상태", created: "생성일", lastUsed: "마지막 사용" },
    slot: (n: number) => `키 ${n}`,
    status: { Active: "활성", Inactive: "비활성" },
    signing: "(이 세션)",
    never: "사용 안 함",
    lastUse: (when: string, service: string, region: string) => `${when} · ${service} · ${region}`,
    reportAge: (when: string) => `${when} 자격 증명 보고서 기준 (최대 4시간마다 새로 만들어짐).`,
    inactiveCounts: "비활성 키도 있는 것으로 칩니다(CIS): 키마다 비활성화한 뒤 삭제합니다.",
    apiIntro: "rootlock이 키마다 비활성화하고 다시 읽어 확인한 뒤 삭제합니다. 이 세션이 서명에 쓰는 키는 마지막입니다.",
    signingWarning: "rootlock이 서명에 쓰는 키를 삭제합니다: 세션이 끝나며, AWS가 이 키를 거부하는 것이 증거입니다.",
    consoleIntro: "루트 키는 루트만 콘솔에서 삭제할 수 있습니다. 다른 창에서:",
    sessionWhy:
      "루트이지만 임시 자격 증명(aws login 또는 세션, 키 ASIA…)으로 로그인했습니다: AWS는 루트 자신의 장기 액세스 키(AKIA…)로만 API로 루트의 키를 조회하고 삭제하게 하므로, 이 작업은 콘솔에서 합니다.",
    consoleSteps: [
      "https://console.aws.amazon.com/ 에 루트로 로그인합니다.",
      "계정 메뉴(오른쪽 위) → 보안 자격 증명.",
      "액세스 키: 키마다 작업 → 비활성화, 그다음 작업 → 삭제.",
      "여기로 돌아와 계속하면 AWS에 루트 키가 없는지 rootlock이 확인합니다.",
    ],
    verifying: "계정 요약에 루트 액세스 키가 없음",
    confirmingAction: "IAM에 변경이 보이기",
    rejection: "삭제한 키를 AWS가 거부하기",
    verified: "AWS에 루트 액세스 키가 없습니다.",
    openStandIn: "모의 계정: 콘솔에서 할 일을 여기, 콘솔 연습 화면에서 할 수 있습니다.",
  },
  rootMfa: {
    title: `루트 MFA (${titleIds("root-mfa")})`,
    consoleOnly: "AWS는 루트 MFA를 루트 사용자가 콘솔에서만 켤 수 있게 합니다: rootlock이 클릭마다 안내하고 IAM에서 확인합니다.",
    already: "루트 MFA가 이미 활성화되어 있습니다.",
    hardware: `루트가 하드웨어 키나 패스키를 씁니다(가상 디바이스 없음): ${idsShort(HARDWARE_MFA_IDS)}도 충족합니다.`,
    devices: (names: string) => `루트의 가상 디바이스: ${names}`,
    orphan: (serial: string) => `할당되지 않은 디바이스 ${serial}이(가) 있습니다: 삭제하기 전까지 콘솔이 "Entity already exists"로 실패합니다.`,
    otherOrphan: (serial: string) => `할당되지 않은 디바이스 ${serial}: 이름이 달라 루트의 할당을 막지 않습니다. 그대로 둡니다: 다른 사람이 등록하는 중일 수 있습니다.`,
    deviceName: (name: string) => `콘솔에 입력할 디바이스 이름: ${name}`,
    changeName: "무엇이든 삭제하기 전에 다른 디바이스 이름을 고를 수 있습니다.",
    nameLabel: "디바이스 이름",
    namePattern: "영문자, 숫자와 + = , . @ - _ 만, 공백 없이: AWS의 디바이스 이름 규칙입니다.",
    nameAssigned: (name: string) => `${name} 이름의 디바이스가 이미 할당되어 있습니다(그대로 둡니다): 다른 이름을 고르십시오.`,
    nameToType: (name: string) => `입력할 디바이스 이름: ${name}`,
    consoleSteps: [
      "브라우저 시크릿 창에서 https://console.aws.amazon.com/ 에 루트로 로그인합니다.",
      "계정 메뉴(오른쪽 위) → 보안 자격 증명 → 멀티 팩터 인증(MFA) → MFA 디바이스 할당.",
      "디바이스 이름: 아래 이름을 그대로. 디바이스: 인증 관리자 앱 → 다음.",
      "QR 코드 표시를 누르고 인증 앱으로 스캔합니다.",
      "MFA 코드 1: 지금 보이는 코드. 코드가 바뀔 때까지 기다린 뒤(아래 타이머) MFA 코드 2: 새 코드.",
      "MFA 추가. 그다음 여기로 돌아와 계속하면 rootlock이 IAM에서 확인합니다.",
    ],
    timer: (s: number) => `다음 코드까지 ${s}초`,
    backup: "권장: 백업용으로 두 번째 디바이스를 추가하십시오(루트 포함 최대 8개). 예: 금고에 보관하는 보안 키.",
    verifying: "계정 요약의 루트 MFA",
    verified: "AWS에서 루트 MFA가 활성화된 것으로 보입니다.",
    openStandIn: "모의 계정: 콘솔에서 할 일을 여기, 콘솔 연습 화면에서 할 수 있습니다.",
    hardwareAdvice: `${idsShort(HARDWARE_MFA_IDS)}은 루트에 하드웨어 디바이스를 요구합니다: 가상 디바이스로는 충족되지 않습니다. 나중에 보안 키나 패스키를 추가하십시오.`,
  },
  userMfa: {
    title: (user: string) => `${user}의 MFA (${titleIds("operator-mfa")})`,
    why: "이 관리자 사용자가 일상 업무에서 루트를 대신하므로 MFA가 필요합니다. 이것은 rootlock이 API로 설정할 수 있습니다.",
    already: (user: string) => `${user}에는 이미 MFA가 있습니다.`,
    notApplicable: "호출자가 IAM 사용자가 아닙니다: 여기서 등록할 관리자 사용자가 없습니다.",
    creating: "가상 MFA 디바이스를 만드는 중…",
    scan: "인증 앱(Google Authenticator, Authy, 1Password 등)으로 이 QR 코드를 스캔하십시오:",
    secretFallback: "또는 이 비밀 키를 앱에 입력하십시오:",
    tooSmall: (cols: number, rows: number) => `터미널이 QR 코드를 표시하기에 너무 작습니다(${cols}×${rows} 필요). 창을 키우거나 아래 비밀 키를 앱에 입력하십시오.`,
    showSecret: "Ctrl-K: 비밀 키를 텍스트로 표시",
    qrAlone: "이 크기에서는 QR 코드가 터미널 전체를 차지합니다: Ctrl-R을 누르면 표시됩니다.",
    code1: "첫 번째 코드",
    code2: "다음 코드",
    codeHint: "지금 보이는 코드를 입력하고, 다음 코드가 나오면 그것도 입력하십시오.",
    thenEnable: "…그리고 여기서 확인된 두 코드를 입력하면:",
    enabling: "IAM에서 디바이스를 활성화하는 중…",
    verifying: "IAM에서 사용자의 디바이스",
    verified: (user: string) => `AWS에서 ${user}의 MFA가 활성화된 것으로 보입니다.`,
    problems: {
      malformed: "코드는 숫자 6자리입니다: 문자, 공백, 기타 기호는 안 됩니다.",
      "same-code": "두 코드가 같습니다. 앱에 새 코드가 나올 때까지 기다렸다가 그것을 두 번째로 입력하십시오.",
      "wrong-order": "코드 순서가 바뀌었습니다: 첫 번째가 더 이전 코드여야 합니다.",
      "too-old": "너무 오래된 코드입니다. 앱에 지금 보이는 코드와 그다음 코드를 입력하십시오.",
      "from-future": "미래의 코드입니다: 휴대폰 시계가 빠릅니다. 자동 시간으로 설정하십시오.",
      "not-consecutive": "연속된 코드가 아닙니다: 코드 하나를 입력한 뒤 앱에 바로 다음에 나오는 코드를 입력하십시오.",
      "no-match": "어떤 코드와도 맞지 않습니다: 이 QR 코드를 다시 스캔하거나(이전 것이 아닌) 휴대폰 시계를 자동으로 설정하십시오.",
    },
    discarding: "rootlock이 만든 디바이스를 제거하는 중…",
    discarded: "끝내지 못한 디바이스를 제거했습니다: 남은 것이 없습니다.",
  },
  passwordPolicy: {
    title: `IAM 사용자 암호 정책 (${titleIds("password-policy")})`,
    why: "계정 암호 정책은 IAM 사용자의 콘솔 암호 규칙을 정합니다. CIS는 14자 이상과 최근 암호 24개의 재사용 금지를 요구합니다.",
    none: "계정에 자체 암호 정책이 없습니다: AWS 기본 규칙이 적용됩니다(8자, 네 가지 문자 종류 중 세 가지, 재사용 허용).",
    setting: "설정",
    now: "현재",
    after: "rootlock 설정값",
    unset: "설정 안 됨",
    length: (ok: boolean) => `${idsShort(AUDIT_IDS["password-min-length"])}, 최소 길이 14 이상: ${ok ? "충족" : "미충족"}`,
    reuse: (ok: boolean) => `${idsShort(AUDIT_IDS["password-reuse"])}, 최근 암호 24개 재사용 금지: ${ok ? "충족" : "미충족"}`,
    keeps: "다른 설정은 모두 그대로 옮기며, CIS보다 엄격한 값은 유지합니다.",
    noneDefaults: "옮길 정책이 없으므로 rootlock은 네 가지 문자 종류를 모두 요구하고(AWS 기본은 세 가지) 사용자가 자기 암호를 바꿀 수 있게 합니다.",
    already: `암호 정책이 이미 CIS ${AUDIT_IDS["password-min-length"].cis}과 ${AUDIT_IDS["password-reuse"].cis}를 충족합니다.`,
    rootNote:
      "루트 사용자의 암호에는 이 정책이 적용되지 않습니다. AWS의 루트 암호 규칙: 8~128자, 대문자·소문자·숫자·기호 중 세 가지 이상, 계정 이름이나 이메일 주소와 같지 않을 것.",
    verifying: "IAM의 암호 정책",
    verified: "AWS가 새 암호 정책을 보여 줍니다. 보낸 설정 그대로입니다.",
  },
  adminIdentity: {
    title: `루트 대신 쓸 관리자 자격 (${titleIds("admin-identity")})`,
    why: "일상 업무에는 루트가 아닌 관리자가 필요합니다: 자기 암호와 MFA가 있고, 그룹을 통해 권한을 받는 IAM 사용자입니다.",
    identityCenter: "조직(여러 사람, 여러 계정)에서는 대신 IAM Identity Center를 쓰십시오. rootlock은 그것을 설정하지 않습니다.",
    found: "AdministratorAccess가 있는 루트 외의 자격:",
    holder: (kind: "user" | "role", name: string, via?: string) => `${kind === "user" ? "사용자" : "역할"} ${name} ${via ? `(그룹 ${via}을(를) 통해)` : "(직접 연결)"}`,
    none: "AdministratorAccess가 있는 IAM 사용자나 역할이 없습니다: 이 계정의 관리자는 루트뿐입니다.",
    createAnyway: "그래도 관리자 사용자를 하나 더 만들 수 있습니다.",
    willCreate: "rootlock이 만들 것 (변경마다 확인하고 다시 읽어 봄):",
    nameLabel: "새 관리자의 사용자 이름 (예: 본인 이름)",
    nameHint: "영문자, 숫자와 + = , . @ - _ (최대 64자).",
    nameInvalid: "사용자 이름은 1~64자이며 영문자, 숫자와 + = , . @ - _ 만 쓸 수 있습니다.",
    nameTaken: (name: string) => `${name}라는 사용자가 이미 있습니다: 다른 이름을 고르십시오.`,
    checkingName: "이름을 확인하는 중…",
    passwordTitle: (user: string) => `${user}의 콘솔 암호 (이번 한 번만 표시):`,
    passwordKeep: "지금 암호 관리자에 저장하십시오. rootlock은 이 암호를 어디에도 쓰지 않으며, Enter를 누르면 화면에서 사라집니다.",
    passwordChange: "처음 로그인할 때 AWS가 새 암호를 요구합니다.",
    signInAt: (url: string) => `로그인 페이지: ${url}`,
    passwordContinue: "저장했습니까? 다음: 사용자의 MFA.",
    rollingBack: "rootlock이 만든 것을 마지막 것부터 제거하고, 제거마다 다시 읽어 보는 중…",
    rolledBack: "이 단계에서 rootlock이 만든 것을 모두 다시 제거했습니다.",
    leftTitle: "계정에 남아 있는 것 (rootlock이 제거하지 못함: IAM 콘솔에서 삭제하거나 rootlock을 다시 실행하십시오):",
    verifying: "IAM의 그룹, 그 정책, 멤버십, 로그인 프로필, MFA 디바이스",
    verified: (user: string) => `AWS에 ${user}이(가) 관리자 그룹에 있고, 첫 로그인 때 바꿀 암호와 MFA가 있는 것으로 나옵니다.`,
    switchTo: (user: string, url: string) => `이제부터 일상 업무에는 루트가 아니라 ${user}(으)로 ${url}에서 로그인하십시오.`,
    switchFromRoot: (user: string) => `지금 rootlock을 루트로 실행하고 있습니다: 이 실행이 끝나면 ${user}을(를) 쓰십시오.`,
  },
  signin: {
    title: `로그인 테스트 (${titleIds("root-signin")})`,
    warning:
      "루트 로그인은 한동안 다른 도구를 울립니다: 루트 사용 결과와 경보(CIS v1.2 표준의 Security Hub IAM.20, CloudWatch.1), GuardDuty의 RootCredentialUsage. 시작하기 전에 보안 팀에 알리십시오.",
    noMfa: "루트 MFA가 활성화되지 않아 이 테스트는 아직 통과할 수 없습니다: 지금 로그인하면 MFA 없이 로그인하게 됩니다.",
    steps: [
      "다른 세션이 쓰이지 않도록 브라우저 시크릿 창을 엽니다.",
      "https://console.aws.amazon.com/ → 루트 사용자 → 계정 이메일 → 다음.",
      "루트 암호를 입력하고, 인증 앱의 코드를 입력합니다.",
      "콘솔이 보이면 로그아웃하고 여기로 돌아옵니다.",
    ],
    start: "로그인을 시작하면서 계속하십시오: 그다음 rootlock이 CloudTrail에 보일 때까지 기다립니다.",
    began: (time: string) => `테스트 시작: ${time}. CloudTrail(us-east-1)에서 MFA를 쓴 루트 로그인을 찾고 있습니다.`,
    latency: "CloudTrail에는 보통 5분 안에 로그인이 보이지만, 더 걸릴 수도 있습니다.",
    verifying: "CloudTrail의 로그인 기록",
    failuresSeen: (n: number) => `테스트 시작 후 실패한 루트 로그인 ${n}건이 보입니다.`,
    verified: "CloudTrail에 MFA를 쓴 루트 로그인이 보입니다.",
    withoutMfa: "CloudTrail에 MFA 없는 루트 로그인이 보입니다: 루트 MFA가 적용되지 않았습니다. 루트 MFA 단계를 확인하십시오.",
    openStandIn: "모의 계정: 여기, 콘솔 로그인 연습 화면에서 로그인할 수 있습니다.",
    drillQuestion: "비상 훈련: 루트 로그인 알림 이메일이 알림 주소에 도착했습니까? (몇 분 걸릴 수 있습니다)",
    drillRecorded: (arrived: boolean) =>
      arrived
        ? "기록함: 알림 이메일이 도착했습니다(운영자 확인: 이메일 도착은 어떤 API로도 볼 수 없습니다)."
        : "기록함: 알림 이메일이 도착하지 않았습니다. 구독이 확인되었는지, 스팸 폴더를 확인하십시오.",
    inbox: (n: number) => `모의 메일함: 알림 이메일 ${n}통 수신.`,
    drillEmailAt: (address: string) => `비상 훈련: 루트 로그인 알림 이메일이 ${address}에 도착했습니까? (몇 분 걸릴 수 있습니다)`,
    drillChannel: (mask: string) => `비상 훈련: 루트 로그인 알림이 ${mask}의 채널에 도착했습니까? (몇 분 걸릴 수 있습니다)`,
    drillChannelRecorded: (arrived: boolean, mask: string) =>
      arrived
        ? `기록함: 알림이 ${mask}의 채널에 도착했습니다(운영자 확인: 메시지 도착은 어떤 API로도 볼 수 없습니다).`
        : `기록함: 알림이 ${mask}의 채널에 도착하지 않았습니다. \`rootlock check\`로 웹훅(API 대상이 ACTIVE인지)과 채널을 확인하십시오.`,
  },
  alerts: {
    title: `루트 활동 알림 (${titleIds("root-alerts")})`,
    why: "루트 사용자가 로그인하거나 MFA를 제거하면 소유자가 몇 분 안에 알아야 합니다. rootlock은 루트 이벤트가 도착하는 us-east-1에 EventBridge가 게시할 수 있는 SNS 주제, 이메일 구독, 읽기 쉬운 메시지를 만드는 EventBridge 규칙, 그리고 (없다면) 이벤트를 EventBridge로 보내는 트레일을 설정합니다.",
    topic: (arn: string, exists: boolean) => `주제 ${arn}: ${exists ? "있음" : "만들 예정"}`,
    subscription: (email: string, state: string) => `이메일 ${email}: ${state}`,
    subscriptionStates: { confirmed: "확인됨", pending: "대기 중 (소유자가 아직 링크를 누르지 않음)", missing: "구독 안 됨" },
    rule: (name: string, catches: string, state: string) => `규칙 ${name} (${catches}): ${state}`,
    ruleCatches: { "console-sign-in": "루트 콘솔 로그인", "mfa-removal": "루트 MFA 제거", "api-call": "us-east-1로 전달되는 루트 API 호출" },
    ruleStates: { right: "설정됨", drifted: "설정과 다름 (복구 예정)", absent: "만들 예정", optional: "선택 사항 (요청 시)" },
    trailFound: (name: string) => `CloudTrail: 트레일 ${name}이(가) us-east-1로 관리 이벤트를 기록하므로 알림 규칙이 울릴 수 있습니다.`,
    trailFoundOrganization: (name: string, owner: string) =>
      `CloudTrail: ${name}은(는) 조직의 트레일입니다(계정 ${owner} 소유). 멤버 계정에서는 상태를 읽을 수 없으므로 설명 정보로 판단합니다: 다중 리전이고 조직이 운영하며 관리 이벤트를 기록합니다. 알림 규칙이 울릴 수 있습니다.`,
    bucketTaken: (bucket: string) =>
      `S3가 rootlock의 트레일 버킷 ${bucket}을(를) 거부했습니다(403): 다른 AWS 계정이 그 이름을 쓰고 있거나, 이 자격 증명으로는 읽을 수 없습니다. rootlock은 이 버킷으로 트레일을 만들지 않으므로, 트레일이 관리 이벤트를 기록하기 전까지 규칙은 울리지 않습니다. 콘솔에서 직접 소유한 버킷으로 트레일을 만든 뒤 이 단계를 다시 실행하십시오.`,
    noTrail:
      "CloudTrail: us-east-1로 관리 이벤트를 기록하는 트레일이 없습니다. EventBridge는 로깅 중인 트레일을 통해서만 루트의 콘솔 로그인과 API 호출을 받으므로, 트레일이 없으면 어떤 알림 규칙도 울리지 않습니다.",
    trailOffer: "다중 리전 트레일을 만들 수 있습니다 (전용 S3 버킷과 버킷 정책 포함).",
    trailChoice: (on: boolean) =>
      on ? "트레일: 만들 예정 (t로 변경)" : "트레일: 만들지 않음 — 규칙은 설정되지만 트레일이 us-east-1로 관리 이벤트를 기록할 때까지 울릴 수 없음 (t로 변경)",
    apiChoice: (on: boolean) => `us-east-1로 전달되는 루트 API 호출도 알림: ${on ? "예" : "아니요"} (a로 변경)`,
    apiScope: "  글로벌 서비스(IAM, STS, Organizations…)와 us-east-1 자체 서비스의 호출을 봅니다. 다른 리전 서비스의 호출은 us-east-1로 전달되지 않습니다.",
    readOnlyChoice: (on: boolean) =>
      `  읽기 전용 호출(Get…, List…, Describe…)도: ${on ? "예 — 규칙 상태 ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS (이메일이 훨씬 많아짐)" : "아니요 — 쓰기 호출만 (규칙 상태 ENABLED)"} (r로 변경)`,
    introKeys: "다음: 알림을 설정하거나 있는 알림을 확인합니다. 이 단계는 선택입니다.",
    existingTitle: "이미 설정됨: 이 계정의 기존 알림이 루트 로그인을 누군가에게 알립니다.",
    existingRoute: (rule: string, target: string, confirmed: number | undefined) =>
      `규칙 ${rule} → ${target}${confirmed === undefined ? " (SNS 주제가 아님: 전달되는 것으로 봄)" : ` (확인된 주소 ${confirmed}개)`}`,
    existingTrail: (name: string) => `트레일 ${name}이(가) us-east-1로 관리 이벤트를 기록하므로 규칙이 울릴 수 있습니다.`,
    existingKeys: "바꿀 것 없음: 그대로 두거나 rootlock 자체 알림을 옆에 추가할 수 있습니다. 이 단계는 선택입니다.",
    emailLabel: "알림 이메일 주소",
    emailHint: "루트 활동 알림을 받을 주소를 입력하고 Enter를 누르십시오.",
    badEmail: "이메일 주소가 아닙니다(예: owner@example.com). 다시 입력하십시오.",
    nothingToDo: "모든 것이 이미 설정되어 있습니다: 바꿀 것이 없습니다.",
    pendingWarning:
      "이메일 구독이 아직 확인되지 않았습니다: 소유자가 AWS Notifications 이메일의 링크를 누를 때까지 아무것도 전달되지 않습니다(스팸 폴더도 확인하십시오).",
    confirmTitle: (email: string) => `AWS가 ${email}(으)로 확인 링크를 보냈습니다.`,
    confirmSteps: [
      '"AWS Notifications"(no-reply@sns.amazonaws.com)에서 온 이메일을 여십시오. 스팸/정크 폴더에 있는 경우가 많습니다.',
      '"Confirm subscription"을 누르십시오. 그 전에는 어떤 알림도 전달되지 않습니다.',
    ],
    verifying: "알림 설정을 다시 읽고 구독 확인을 기다리는 중",
    openMailbox: "모의 계정: 여기서 알림 메일함을 열어 확인 링크를 누를 수 있습니다.",
    mailboxClicked: "모의 메일함에서 확인 링크를 눌렀습니다.",
    verified: "알림이 설정되었고 구독이 확인되었습니다.",
    pending: "알림은 설정되었지만 구독이 아직 대기 중입니다: 확인될 때까지 아무것도 전달되지 않습니다. 나중에 `rootlock alerts`를 다시 실행해 확인하십시오.",
    noTrailResult:
      "알림 규칙은 설정되었지만 us-east-1로 관리 이벤트를 기록하는 트레일이 없습니다: 트레일이 생길 때까지 어떤 규칙도 울릴 수 없습니다. `rootlock alerts`를 다시 실행해 트레일을 만드십시오.",
    testOffer: "주제로 테스트 메시지를 보낼 수 있습니다.",
    testMayHaveBeenSent: (email: string) =>
      `응답이 사라지기 전에 테스트 메시지가 ${email}(으)로 이미 발송되었을 수 있으며, AWS의 어떤 것으로도 발송 여부를 알 수 없습니다. 먼저 메일함을 확인하십시오: r은 다시 보냅니다(처음 것이 도착했다면 두 번째 메시지가 됩니다). s는 보내지 않고 멈춥니다.`,
    testSent: (id: string) => `테스트 메시지를 보냈습니다(요청 ${id}). 확인된 주소에만 전달됩니다.`,
    emailOptionalHint: "웹훅(Slack)으로만 알림을 보내려면 비워 두십시오: 다음 화면에서 w.",
    webhookChoice: (mask: string | undefined) =>
      mask ? `웹훅: ${mask} — EventBridge API 대상을 통한 Slack {"text": …} 메시지 (w로 변경)` : "웹훅: 없음 (w로 Slack 또는 다른 HTTPS 웹훅 추가)",
    webhookLabel: "웹훅 URL",
    webhookHint:
      "Slack 수신 웹훅 URL(https://hooks.slack.com/services/…) 또는 JSON을 받는 HTTPS 웹훅을 붙여 넣고 Enter를 누르십시오. 비밀 값입니다: 점으로 표시되고 메모리에만 있으며 보고서에 기록되지 않습니다. 비우면 웹훅 없음.",
    badWebhook: {
      "not-url": "URL이 아닙니다(예: https://hooks.slack.com/services/…). 다시 붙여 넣으십시오.",
      "not-https": "웹훅은 HTTPS URL이어야 합니다: EventBridge는 HTTPS 엔드포인트만 호출합니다. https:// URL을 붙여 넣으십시오.",
    },
    needRoute: "알림을 받을 곳을 고르십시오: 이메일 주소(Esc 뒤로), 웹훅(w), 또는 둘 다.",
    webhookParts: "웹훅: EventBridge 연결과 API 대상(POST, 초당 1건), EventBridge가 호출할 때 쓰는 IAM 역할, 각 규칙의 대상. Lambda 없음.",
    undoingWebhook: "이번에 만든 웹훅 구성 요소를 마지막 것부터 제거하는 중",
    webhookUndone: "이번 실행에서 만든 웹훅 구성 요소를 다시 제거했습니다.",
    webhookLeft: (left: string) => `제거하지 못함: ${left}. 콘솔에서 제거하거나 \`rootlock alerts\`를 다시 실행하십시오.`,
    webhookFound: (mask: string, state: string) => `웹훅 ${mask}: API 대상 ${state} (계속 확인하려면 w로 다시 추가하십시오. URL은 저장되지 않습니다)`,
    verifiedWebhook: "알림이 설정되었습니다: EventBridge가 웹훅으로 전달합니다 (대상 ACTIVE, 연결 AUTHORIZED).",
    webhookTestOffer: "웹훅에 테스트 메시지를 보낼 수 있습니다 (같은 EventBridge 경로).",
    webhookTestPreparing: "테스트 메시지 경로를 읽는 중",
    webhookTestQuestion: (mask: string) => `테스트 메시지가 ${mask} 채널에 도착했습니까? (몇 초 걸립니다)`,
    webhookTestKeys: "y: 도착함 · n: 도착하지 않음",
    webhookTestRecorded: (arrived: boolean) =>
      arrived
        ? "기록함: 테스트 메시지가 도착했습니다(운영자 확인: 메시지 도착은 API로 볼 수 없습니다)."
        : "기록함: 테스트 메시지가 도착하지 않았습니다. 웹훅 URL과 채널을 확인하십시오.",
    webhookTestMayHavePosted: (mask: string) =>
      `응답이 사라지기 전에 테스트 메시지가 ${mask}의 채널에 이미 게시되었을 수 있으며, AWS의 어떤 것으로도 게시 여부를 알 수 없습니다. 먼저 채널을 확인하십시오: r은 다시 보냅니다(처음 것이 도착했다면 두 번째 메시지가 됩니다). s는 보내지 않고 멈춥니다.`,
    channel: (n: number) => `모의 채널: 메시지 ${n}건 받음.`,
    channelMessage: (text: string) => `  ▸ ${text}`,
  },
  summary: {
    title: "요약",
    control: "통제 항목",
    ids: "CIS / Security Hub",
    state: "상태",
    allVerified: "모든 통제 항목을 AWS에서 읽어 확인했습니다.",
    allTakenVerified: (skipped: string) => `진행한 통제 항목은 모두 AWS에서 읽어 확인했습니다. 건너뛴 항목: ${skipped}.`,
    someNot: "모두 확인되지는 않았습니다: 위의 행을 보십시오. rootlock을 다시 실행하면 남은 곳부터 이어 갑니다.",
    someNotAlerts: "확인되지 않았습니다: 위의 행을 보십시오. `rootlock alerts`를 다시 실행하면 남은 곳부터 이어 갑니다.",
    dryRunEnd: "드라이런: 아무것도 바꾸지 않았으므로 새로 확인된 것도 없습니다. 보여 준 변경을 하려면 --dry-run 없이 rootlock을 실행하십시오.",
  },
  standIn: {
    banner: "AWS 콘솔 (교육용 모의 화면)",
    back: "Esc: rootlock으로 돌아가기",
    keys: {
      title: "보안 자격 증명 → 액세스 키",
      deleteConfirm: (id: string) => `${id}을(를) 삭제할까요? 확인하려면 액세스 키 ID를 입력하십시오:`,
      mismatch: "입력한 내용이 액세스 키 ID와 다릅니다.",
      empty: "액세스 키가 없습니다.",
      deactivateFirst: "액세스 키를 삭제하려면 먼저 비활성화해야 합니다.",
      failed: "콘솔에서 그 작업을 하지 못했습니다. 다시 시도하십시오.",
    },
    mfa: {
      title: "MFA 디바이스 할당",
      deviceName: "디바이스 이름",
      deviceNameHint: `최대 ${CONSOLE_DEVICE_NAME_MAX}자의 영문자, 숫자, + = , . @ - _`,
      deviceKind: "MFA 디바이스: 인증 관리자 앱",
      setup: "디바이스 설정",
      scan: "QR 코드 표시: 휴대폰의 인증 앱으로 스캔하십시오.",
      showSecret: "Ctrl-K: 비밀 키 표시",
      code1: "MFA 코드 1",
      code2: "MFA 코드 2",
      add: "MFA 코드 2에서 Enter: MFA 추가",
      added: "MFA 디바이스가 할당되었습니다.",
      alreadyExists: "엔터티가 이미 있습니다: 같은 경로와 이름의 MFADevice 엔터티가 이미 있습니다.",
      invalidCode: "잘못된 인증 코드: 앱에 나온 연속된 두 코드를 입력하십시오.",
    },
    signin: {
      title: "루트 사용자 로그인",
      email: "이메일: owner@example.com",
      password: "암호: ••••••••••••",
      mfa: "MFA 코드",
      mfaNone: "루트에 MFA가 없습니다: Enter를 누르면 암호만으로 로그인합니다.",
      success: "콘솔에 로그인했습니다. 닫아도 됩니다.",
      failure: "인증 정보가 올바르지 않습니다. 다시 시도하십시오.",
      trainingCode: (code: string) => `교육용 도움말: 이 모의 루트 디바이스는 지금 ${code}을(를) 보여 줍니다.`,
    },
  },
  rootMfaInTheWay: {
    stillThere: (serial: string, name: string) =>
      `할당되지 않은 디바이스 ${serial}이(가) 아직 있습니다: 콘솔은 ${name} 이름의 디바이스 할당을 거부합니다("Entity already exists"). 다른 이름을 고르거나 이 단계를 건너뛰십시오.`,
    mayBeThere: (serial: string, name: string) =>
      `할당되지 않은 디바이스 ${serial}이(가) 아직 있을 수 있습니다(삭제에 대한 AWS의 응답을 잃었습니다): 있다면 콘솔은 ${name} 이름의 디바이스 할당을 거부합니다("Entity already exists"). 다른 이름을 고르거나 이 단계를 건너뛰십시오.`,
    keys: "n: 다른 디바이스 이름 고르기 · s: 이 단계 건너뛰기",
  },
};
