// 증거 보고서의 제목과 이름표(한국어): report-en.ts와 같은 모양. 통제 ID와 AWS의 이름과 값은 그대로 둡니다.
import type { ReportWordsText } from "./report-en.js";

export const reportKo: ReportWordsText = {
  title: "rootlock 증거 보고서",
  account: "계정",
  caller: "호출자",
  mode: "모드",
  started: "시작",
  ended: "끝",
  unknown: "알 수 없음",
  simulated: (scenario: string | undefined) => `모의 계정${scenario ? `, 시나리오 ${scenario}` : ""}`,
  endings: { finished: "끝까지 마침", quit: "운영자가 끝나기 전에 종료함", interrupted: "중단됨 (Ctrl-C)" },
  controls: "통제",
  head: { control: "통제", cis: "CIS v3.0", securityHub: "Security Hub", state: "상태", why: "이유" },
  related: (id: string) => `${id}, 관련`,
  evidence: "증거 (AWS에서 다시 읽은 내용)",
  noRead: "(읽은 것 없음)",
  changes: "보낸 변경",
  noChanges: "없음.",
  changesHead: { time: "시각", call: "호출", params: "매개변수", outcome: "결과", requestId: "요청 ID" },
  notVerified: "확인되지 않은 것",
  allVerified: "모두 확인되었습니다.",
  leftBehind: "계정에 남은 것",
};
