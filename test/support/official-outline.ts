// The six section headings of 国办公开办函〔2021〕30号, typed from the notice — never read from the
// code under test, so tests of the format, the renderer and LibreOffice's output can rely on them.
export const OFFICIAL_HEADINGS: readonly string[] = [
  "一、总体情况",
  "二、主动公开政府信息情况",
  "三、收到和处理政府信息公开申请情况",
  "四、政府信息公开行政复议、行政诉讼情况",
  "五、存在的主要问题及改进情况",
  "六、其他需要报告的事项",
];
