<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
  <context>
    <name>StageShow</name>
    <message>
      <source>下一步</source>
      <translation>Next</translation>
    </message>
    <message>
      <source>正确</source>
      <translation>Correct</translation>
    </message>
    <message>
      <source>错误</source>
      <translation>Wrong</translation>
    </message>
    <message>
      <source>超时</source>
      <translation>Time up</translation>
    </message>
    <message>
      <source>揭晓</source>
      <translation>Reveal</translation>
    </message>
    <message>
      <source>撤销</source>
      <translation>Undo</translation>
    </message>
    <message>
      <source>暂停/继续计时</source>
      <translation>Pause/resume clock</translation>
    </message>
    <message>
      <source>加时 10 秒</source>
      <translation>+10 s</translation>
    </message>
    <message>
      <source>调整分数…</source>
      <translation>Adjust score…</translation>
    </message>
    <message>
      <source>黑屏</source>
      <translation>Blackout</translation>
    </message>
    <message>
      <source>标题画面</source>
      <translation>Title card</translation>
    </message>
    <message>
      <source>参赛队伍</source>
      <translation>Teams</translation>
    </message>
    <message>
      <source>比分走势图</source>
      <translation>Score history</translation>
    </message>
    <message>
      <source>实时比分</source>
      <translation>Live scores</translation>
    </message>
    <message>
      <source>风险题：选第 1 档</source>
      <translation>Risk: tier 1</translation>
    </message>
    <message>
      <source>风险题：选第 2 档</source>
      <translation>Risk: tier 2</translation>
    </message>
    <message>
      <source>风险题：选第 3 档</source>
      <translation>Risk: tier 3</translation>
    </message>
    <message>
      <source>风险题：放弃</source>
      <translation>Risk: pass</translation>
    </message>
    <message>
      <source>录入找到的错误…</source>
      <translation>Errors found…</translation>
    </message>
    <message>
      <source>录入评委评分…</source>
      <translation>Judges' scores…</translation>
    </message>
    <message>
      <source>录入大众评委投票…</source>
      <translation>Audience votes…</translation>
    </message>
    <message>
      <source>开始/结束手机投票</source>
      <translation>Open/close phone voting</translation>
    </message>
    <message>
      <source>解锁评委评分…</source>
      <translation>Unlock a judge's score…</translation>
    </message>
    <message>
      <source>播放/暂停视频</source>
      <translation>Play/pause the video</translation>
    </message>
    <message>
      <source>重播视频</source>
      <translation>Replay the video</translation>
    </message>
    <message>
      <source>放大文书</source>
      <translation>Zoom in on the document</translation>
    </message>
    <message>
      <source>缩小文书</source>
      <translation>Zoom out</translation>
    </message>
    <message>
      <source>文书还原</source>
      <translation>Whole document</translation>
    </message>
    <message>
      <source>设备自检…</source>
      <translation>Pre-flight check…</translation>
    </message>
    <message>
      <source>局域网连接…</source>
      <translation>LAN link…</translation>
    </message>
    <message>
      <source>大屏显示器 {name} 已断开：大屏画面已隐藏，重新连接后自动恢复</source>
      <translation>Projector {name} disconnected: the stage is hidden and comes back when it is reconnected</translation>
    </message>
    <message>
      <source>大屏已恢复到 {name}</source>
      <translation>Stage restored on {name}</translation>
    </message>
    <message>
      <source>手机投票已开始，但局域网连接未开启：按 Ctrl+Shift+L 开启后手机才能投票</source>
      <translation>Phone voting is open but the LAN link is off: phones can vote once Ctrl+Shift+L turns it on</translation>
    </message>
    <message>
      <source>比赛记录校验未通过</source>
      <translation>The show log failed its check</translation>
    </message>
    <message>
      <source>这一步没有记录，也没有生效：</source>
      <translation>This step was not recorded and did not happen: </translation>
    </message>
    <message>
      <source>第{seats}组</source>
      <translation>seats {seats}</translation>
    </message>
    <message>
      <source>第{seat}组 {name}</source>
      <translation>Seat {seat} {name}</translation>
    </message>
    <message>
      <source>第{seat}组按 {key}</source>
      <translation>seat {seat}: key {key}</translation>
    </message>
    <message>
      <source>（键盘备用：{keys}）</source>
      <translation> (keyboard fallback: {keys})</translation>
    </message>
    <message>
      <source>⚠ 抢答器 {device} 已断开：{seats}无法用它抢答{backup}。重新插上即自动恢复。</source>
      <translation>⚠ Buzzer {device} unplugged: {seats} cannot buzz with it{backup}. Plug it back in and it works again by itself.</translation>
    </message>
    <message>
      <source>未分配的</source>
      <translation>an unmapped </translation>
    </message>
    <message>
      <source>⚠ {who}抢答器按键卡住（{button} 按住超过 {seconds:g} 秒），请检查</source>
      <translation>⚠ Buzzer of {who} is stuck ({button} held for more than {seconds:g} s): please check it</translation>
    </message>
    <message>
      <source>抢答器 {device} 已重新连接：{seats}恢复正常</source>
      <translation>Buzzer {device} reconnected: {seats} back to normal</translation>
    </message>
    <message>
      <source>设置抢答器</source>
      <translation>Set up buzzers</translation>
    </message>
    <message>
      <source>请依次按下各组的抢答器按钮（键盘抢答器按对应的键）。</source>
      <translation>Press each seat's buzzer in turn (keyboard buzzers: press the key).</translation>
    </message>
    <message>
      <source>跳过本组</source>
      <translation>Skip this seat</translation>
    </message>
    <message>
      <source>上一组</source>
      <translation>Previous seat</translation>
    </message>
    <message>
      <source>保存</source>
      <translation>Save</translation>
    </message>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>第{seat}组 已设为 {button}</source>
      <translation>Seat {seat} set to {button}</translation>
    </message>
    <message>
      <source>全部设置完成，请保存</source>
      <translation>All seats done: save</translation>
    </message>
    <message>
      <source>键盘 {key}（比赛文件默认）</source>
      <translation>Keyboard {key} (show file default)</translation>
    </message>
    <message>
      <source>未设置</source>
      <translation>not set</translation>
    </message>
    <message>
      <source>第{seat}组 {name}：{button}</source>
      <translation>Seat {seat} {name}: {button}</translation>
    </message>
    <message>
      <source>{button} 是主持人快捷键，不能用作抢答器，请换一个按键</source>
      <translation>{button} is a host hotkey and cannot be a buzzer: use another button</translation>
    </message>
    <message>
      <source>请第{seat}组（{name}）按下抢答器</source>
      <translation>Seat {seat} ({name}): press your buzzer</translation>
    </message>
    <message>
      <source>抢答器设置</source>
      <translation>Buzzer setup</translation>
    </message>
    <message>
      <source>抢答器设置无法保存到 {path}（{error}）。本次运行中已生效，下次启动需重新设置。</source>
      <translation>The buzzer setup could not be saved to {path} ({error}). It works for this run; set it up again next time.</translation>
    </message>
    <message>
      <source>{button} 已分配给第{seat}组，请按本组自己的抢答器</source>
      <translation>{button} already belongs to seat {seat}: press this seat's own buzzer</translation>
    </message>
    <message>
      <source>比分走势</source>
      <translation>Score history</translation>
    </message>
    <message>
      <source>调整分数</source>
      <translation>Adjust score</translation>
    </message>
    <message>
      <source>必填，如：场外提示，经裁判长裁定扣分</source>
      <translation>Required, e.g. prompted from the audience, deducted by the head judge</translation>
    </message>
    <message>
      <source>队伍</source>
      <translation>Team</translation>
    </message>
    <message>
      <source>分数（负数为扣分）</source>
      <translation>Points (negative deducts)</translation>
    </message>
    <message>
      <source>原因</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>请填写原因，分数不能为 0</source>
      <translation>Give a reason; points cannot be 0</translation>
    </message>
    <message>
      <source>备份比赛记录…</source>
      <translation>Back up the show…</translation>
    </message>
    <message>
      <source>选择备份文件夹（如U盘）</source>
      <translation>Choose a backup folder (a USB stick, say)</translation>
    </message>
    <message>
      <source>已备份比赛记录到 {path}</source>
      <translation>The show was backed up to {path}</translation>
    </message>
    <message>
      <source>抢答器(&amp;Z)</source>
      <translation>&amp;Buzzers</translation>
    </message>
    <message>
      <source>设置抢答器…</source>
      <translation>Set up buzzers…</translation>
    </message>
    <message>
      <source>抢答器测试（大屏显示各组指示灯）</source>
      <translation>Buzzer test (lamps on the stage)</translation>
    </message>
    <message>
      <source>抢答器测试中：按下的抢答器不计入比赛</source>
      <translation>Buzzer test: presses do not count in the show</translation>
    </message>
    <message>
      <source>抢答器测试结束</source>
      <translation>Buzzer test ended</translation>
    </message>
    <message>
      <source>未分配</source>
      <translation>Unmapped</translation>
    </message>
    <message>
      <source>【测试】</source>
      <translation>[test] </translation>
    </message>
    <message>
      <source>请确认</source>
      <translation>Please confirm</translation>
    </message>
    <message>
      <source>结束比赛并公布最终成绩？结束后不能再计分，也不能撤销。</source>
      <translation>Finish the show and announce the final scores? Nothing can be scored or undone afterwards.</translation>
    </message>
    <message>
      <source>颁奖（三等奖 → 一等奖）　[{key}]</source>
      <translation>Awards (third → first)  [{key}]</translation>
    </message>
    <message>
      <source>开始加赛？各环节到此结束，之后不能再回到比赛环节。</source>
      <translation>Start the tie-break? The rounds end here; you cannot go back to them.</translation>
    </message>
    <message>
      <source>比赛已结束</source>
      <translation>The show is over</translation>
    </message>
    <message>
      <source>结束当前环节，开始“{round}”？之后不能再回到当前环节。</source>
      <translation>Close this round and start “{round}”? There is no going back to this round.</translation>
    </message>
    <message>
      <source>比赛已经结束。撤销会重新打开比赛，撤回“{what}”，最终成绩和颁奖作废。确定撤销吗？</source>
      <translation>The show has finished. Undo reopens it: “{what}” is taken back and the final standings and awards no longer stand. Undo?</translation>
    </message>
    <message>
      <source>抢到</source>
      <translation>won</translation>
    </message>
    <message>
      <source>较慢</source>
      <translation>late</translation>
    </message>
    <message>
      <source>提前抢答犯规</source>
      <translation>early press (foul)</translation>
    </message>
    <message>
      <source>同时</source>
      <translation>tie</translation>
    </message>
    <message>
      <source>无效</source>
      <translation>ignored</translation>
    </message>
    <message>
      <source>键盘</source>
      <translation>keyboard</translation>
    </message>
    <message>
      <source>手柄</source>
      <translation>controller</translation>
    </message>
    <message>
      <source>脚本</source>
      <translation>script</translation>
    </message>
    <message>
      <source>无人抢答，本题结束</source>
      <translation>Nobody buzzed: the question ends</translation>
    </message>
    <message>
      <source>各队均已作答，本题结束</source>
      <translation>Every team has answered: the question ends</translation>
    </message>
    <message>
      <source>（答案 {answer}）</source>
      <translation> (answer {answer})</translation>
    </message>
    <message>
      <source>开始 {round}</source>
      <translation>Start {round}</translation>
    </message>
    <message>
      <source>风险题 {team} 放弃</source>
      <translation>Risk: {team} passes</translation>
    </message>
    <message>
      <source>开放抢答（{count} 队）</source>
      <translation>Buzzers open ({count} teams)</translation>
    </message>
    <message>
      <source>抢答器 {team}：{outcome}{reaction}（{source}）</source>
      <translation>Buzzer {team}: {outcome}{reaction} ({source})</translation>
    </message>
    <message>
      <source>判定 {team} {verdict} {points:+}</source>
      <translation>Judged {team} {verdict} {points:+}</translation>
    </message>
    <message>
      <source>犯规 {team} {points:+}</source>
      <translation>Foul {team} {points:+}</translation>
    </message>
    <message>
      <source>纠错 {team} 找到 {found}，误报 {claims} 处 {points:+}</source>
      <translation>Correction {team} found {found}, {claims} wrong claims {points:+}</translation>
    </message>
    <message>
      <source>同时抢答：{teams}，重新开放抢答器</source>
      <translation>Tied presses: {teams}; the buzzers open again</translation>
    </message>
    <message>
      <source>时间到</source>
      <translation>Time is up</translation>
    </message>
    <message>
      <source>计时暂停（剩余 {seconds} 秒）</source>
      <translation>Countdown paused ({seconds} s left)</translation>
    </message>
    <message>
      <source>计时继续</source>
      <translation>Countdown resumed</translation>
    </message>
    <message>
      <source>加时 {seconds} 秒</source>
      <translation>{seconds} s added</translation>
    </message>
    <message>
      <source>评委评分 {team} {points}</source>
      <translation>Judges' score {team} {points}</translation>
    </message>
    <message>
      <source>大众评委投票已录入</source>
      <translation>Audience votes entered</translation>
    </message>
    <message>
      <source>{judge} 号评委为 {team} 评分 {total}（已锁定）</source>
      <translation>Judge {judge} scored {team}: {total} (locked)</translation>
    </message>
    <message>
      <source>解锁 {judge} 号评委对 {team} 的评分（{reason}）</source>
      <translation>Judge {judge}'s score for {team} unlocked ({reason})</translation>
    </message>
    <message>
      <source>手机投票开始</source>
      <translation>Phone voting open</translation>
    </message>
    <message>
      <source>手机投票结束：共 {count} 张选票</source>
      <translation>Phone voting closed: {count} ballots</translation>
    </message>
    <message>
      <source>调整 {team} {points:+}（{reason}）</source>
      <translation>Adjusted {team} {points:+} ({reason})</translation>
    </message>
    <message>
      <source>撤销：{what}</source>
      <translation>Undone: {what}</translation>
    </message>
    <message>
      <source>加赛 {team} {place}</source>
      <translation>Tie-break {team} {place}</translation>
    </message>
    <message>
      <source>比赛结束</source>
      <translation>Show finished</translation>
    </message>
    <message>
      <source>答案：{answer}</source>
      <translation>Answer: {answer}</translation>
    </message>
    <message>
      <source>（{seconds} 秒）</source>
      <translation> ({seconds} s)</translation>
    </message>
    <message>
      <source>出题 {question}</source>
      <translation>Question {question}</translation>
    </message>
    <message>
      <source>第 {numbers} 处</source>
      <translation>errors {numbers}</translation>
    </message>
    <message>
      <source>无</source>
      <translation>none</translation>
    </message>
    <message>
      <source>揭晓答案</source>
      <translation>Answer revealed</translation>
    </message>
    <message>
      <source>揭晓第 {number} 处错误</source>
      <translation>Error {number} revealed</translation>
    </message>
    <message>
      <source>开始加赛：</source>
      <translation>Tie-break starts: </translation>
    </message>
    <message>
      <source>名次在前</source>
      <translation>placed above</translation>
    </message>
    <message>
      <source>名次在后</source>
      <translation>placed below</translation>
    </message>
    <message>
      <source>比赛文件已修改，已采用：</source>
      <translation>Show files edited; taken: </translation>
    </message>
    <message>
      <source>解析：{text}</source>
      <translation>Explanation: {text}</translation>
    </message>
    <message>
      <source>依据：{text}</source>
      <translation>Basis: {text}</translation>
    </message>
    <message>
      <source>Enter 确认　Esc 取消</source>
      <translation>Enter to confirm · Esc to cancel</translation>
    </message>
    <message>
      <source>导出成绩表（Excel）…</source>
      <translation>Export score sheet (Excel)…</translation>
    </message>
    <message>
      <source>成绩表.xlsx</source>
      <translation>scores.xlsx</translation>
    </message>
    <message>
      <source>导出成绩表（PDF，打印签字用）…</source>
      <translation>Export scores (PDF, to print and sign)…</translation>
    </message>
    <message>
      <source>成绩表.pdf</source>
      <translation>scores.pdf</translation>
    </message>
    <message>
      <source>（不认识，未读取）</source>
      <translation>(not recognised, not read)</translation>
    </message>
    <message>
      <source>不使用</source>
      <translation>not used</translation>
    </message>
    <message>
      <source>导入题库…</source>
      <translation>Import a bank…</translation>
    </message>
    <message>
      <source>导入题库：{name}</source>
      <translation>Import a bank: {name}</translation>
    </message>
    <message>
      <source>保存为 StageShow 题库…　[Ctrl+S]</source>
      <translation>Save as a StageShow bank…  [Ctrl+S]</translation>
    </message>
    <message>
      <source>关闭　[Esc]</source>
      <translation>Close  [Esc]</translation>
    </message>
    <message>
      <source>保存为 StageShow 题库</source>
      <translation>Save as a StageShow bank</translation>
    </message>
    <message>
      <source>导入题库</source>
      <translation>Import a bank</translation>
    </message>
    <message>
      <source>题库 ({patterns})</source>
      <translation>Question banks ({patterns})</translation>
    </message>
    <message>
      <source>工作表</source>
      <translation>Sheet</translation>
    </message>
    <message>
      <source>列名</source>
      <translation>Column</translation>
    </message>
    <message>
      <source>读作</source>
      <translation>Read as</translation>
    </message>
    <message>
      <source>各列的读法（可改）：</source>
      <translation>How each column is read (you can change it):</translation>
    </message>
    <message>
      <source>读出的题目：</source>
      <translation>Questions read:</translation>
    </message>
    <message>
      <source>大屏上的样子：</source>
      <translation>On the stage:</translation>
    </message>
    <message>
      <source>没有找到可读的表头或题目。</source>
      <translation>No header or question could be read.</translation>
    </message>
    <message>
      <source>没有问题。</source>
      <translation>No problems.</translation>
    </message>
    <message>
      <source>▶‖ 播放/暂停</source>
      <translation>▶‖ Play/pause</translation>
    </message>
    <message>
      <source>⟲ 重播</source>
      <translation>⟲ Replay</translation>
    </message>
    <message>
      <source>＋ 放大</source>
      <translation>＋ Zoom</translation>
    </message>
    <message>
      <source>－ 缩小</source>
      <translation>－ Zoom</translation>
    </message>
    <message>
      <source>还原</source>
      <translation>Reset</translation>
    </message>
    <message>
      <source>本题重播次数已用完（规则允许 {allowed} 次）</source>
      <translation>No replays left for this item (the rules allow {allowed})</translation>
    </message>
    <message>
      <source>本题还可重播 {left} 次</source>
      <translation>{left} replay(s) left for this item</translation>
    </message>
    <message>
      <source>比赛已从中断处恢复：最后一条记录写于 {time}，已载入全部 {count} 条记录。</source>
      <translation>The show resumed where it stopped: its last record was written at {time}; all {count} records are loaded. </translation>
    </message>
    <message>
      <source>计时和抢答器已暂停，按 {key} 继续。</source>
      <translation>The countdown and buzzers are paused: press {key} to go on.</translation>
    </message>
    <message>
      <source>比赛文件有 {count} 处修改，均为尚未进行的部分，已采用（见记录最后一行）。</source>
      <translation>The show files had {count} edits, all to what is still to come; they were taken (see the last line of the log).</translation>
    </message>
    <message>
      <source>{team}：解锁哪位评委的评分？写评委号和原因</source>
      <translation>{team}: which judge's score to unlock? Give the number and the reason</translation>
    </message>
    <message>
      <source>各组评委评分已全部录入</source>
      <translation>Every team has its judges' scores</translation>
    </message>
    <message>
      <source>请写评委号和原因，如 2 评委按错了分数</source>
      <translation>Give the judge's number and the reason, e.g. 2 pressed the wrong score</translation>
    </message>
    <message>
      <source>放弃</source>
      <translation>Pass</translation>
    </message>
    <message>
      <source>记录找到的错误…</source>
      <translation>Record the errors found…</translation>
    </message>
    <message>
      <source>{team} 选择：</source>
      <translation>{team} chooses:</translation>
    </message>
    <message>
      <source>正在评分：{team}　已评 {count}/{judges}：{given}</source>
      <translation>Scoring {team}: {count}/{judges} in: {given}</translation>
    </message>
    <message>
      <source>手机投票进行中：已收 {count} 票（Ctrl+G 结束）</source>
      <translation>Phone voting open: {count} ballots (Ctrl+G closes)</translation>
    </message>
    <message>
      <source>{tier} 分</source>
      <translation>{tier} pts</translation>
    </message>
    <message>
      <source>待评分：{seats}</source>
      <translation>Still to score: {seats}</translation>
    </message>
    <message>
      <source>投票已计入：共 {count} 票</source>
      <translation>Votes counted: {count}</translation>
    </message>
    <message>
      <source>录入找到的错误</source>
      <translation>Errors found</translation>
    </message>
    <message>
      <source>{team} 找到了第几处错误？（共 {count} 处）</source>
      <translation>Which errors did {team} find? ({count} in all)</translation>
    </message>
    <message>
      <source>如 1 3；没有找到写 无；另有误报写 误报2</source>
      <translation>e.g. 1 3; none: 0; wrong claims: 误报2</translation>
    </message>
    <message>
      <source>录入评委评分</source>
      <translation>Judges' scores</translation>
    </message>
    <message>
      <source>{team} 的评委评分（{judges} 位评委）；为其他组评分请先写座号，如 4: 90 92 …</source>
      <translation>Judges' scores for {team} ({judges} judges); for another team start with its seat, e.g. 4: 90 92 …</translation>
    </message>
    <message>
      <source>如 90 92 88 95 91</source>
      <translation>e.g. 90 92 88 95 91</translation>
    </message>
    <message>
      <source>解锁评委评分</source>
      <translation>Unlock a judge's score</translation>
    </message>
    <message>
      <source>如 2 评委按错了分数</source>
      <translation>e.g. 2 pressed the wrong score</translation>
    </message>
    <message>
      <source>录入大众评委投票</source>
      <translation>Audience votes</translation>
    </message>
    <message>
      <source>各组得票：座号:票数，或按座号顺序写每组票数</source>
      <translation>Votes per team: seat:votes, or one count per team in seat order</translation>
    </message>
    <message>
      <source>如 1:12 2:8 3:5</source>
      <translation>e.g. 1:12 2:8 3:5</translation>
    </message>
    <message>
      <source>快捷键设置</source>
      <translation>Hotkeys</translation>
    </message>
    <message>
      <source>{label}（默认 {key}）</source>
      <translation>{label} (default {key})</translation>
    </message>
    <message>
      <source>点击一项后按下新的按键。抢答器用的键请不要设为快捷键。</source>
      <translation>Click a field, then press the new key. Do not use keys your buzzers type.</translation>
    </message>
    <message>
      <source>“{label}”没有按键</source>
      <translation>“{label}” has no key</translation>
    </message>
    <message>
      <source>按键 {key} 同时用于“{first}”和“{second}”，请换一个</source>
      <translation>Key {key} is used for both “{first}” and “{second}”: choose another</translation>
    </message>
    <message>
      <source>比赛画面</source>
      <translation>the show</translation>
    </message>
    <message>
      <source>抢答器测试</source>
      <translation>Buzzer test</translation>
    </message>
    <message>
      <source>颁奖</source>
      <translation>Awards</translation>
    </message>
    <message>
      <source>大屏：{what}</source>
      <translation>Stage: {what}</translation>
    </message>
    <message>
      <source>大屏已回到比赛画面</source>
      <translation>The stage is back on the show</translation>
    </message>
    <message>
      <source>台号</source>
      <translation>Seat</translation>
    </message>
    <message>
      <source>代表队</source>
      <translation>Team</translation>
    </message>
    <message>
      <source>得分</source>
      <translation>Score</translation>
    </message>
    <message>
      <source>上次</source>
      <translation>Last</translation>
    </message>
    <message>
      <source>犯规</source>
      <translation>Fouls</translation>
    </message>
    <message>
      <source>抢答器</source>
      <translation>Buzzer</translation>
    </message>
    <message>
      <source>✕ 断开</source>
      <translation>✕ unplugged</translation>
    </message>
    <message>
      <source>抢答器手柄已断开</source>
      <translation>Buzzer controller unplugged</translation>
    </message>
    <message>
      <source>{title} — 控制台</source>
      <translation>{title} — Console</translation>
    </message>
    <message>
      <source>文件(&amp;F)</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <source>打开比赛文件…</source>
      <translation>Open show…</translation>
    </message>
    <message>
      <source>开始新的一场…</source>
      <translation>Start a new run…</translation>
    </message>
    <message>
      <source>退出</source>
      <translation>Quit</translation>
    </message>
    <message>
      <source>比赛(&amp;S)</source>
      <translation>&amp;Show</translation>
    </message>
    <message>
      <source>快捷键设置…</source>
      <translation>Hotkeys…</translation>
    </message>
    <message>
      <source>静音</source>
      <translation>Mute</translation>
    </message>
    <message>
      <source>窗口模式（不全屏）</source>
      <translation>Window (not full screen)</translation>
    </message>
    <message>
      <source>打开比赛文件</source>
      <translation>Open show</translation>
    </message>
    <message>
      <source>比赛文件 (*.show.yaml *.yaml *.yml)</source>
      <translation>Show files (*.show.yaml *.yaml *.yml)</translation>
    </message>
    <message>
      <source>关闭“{current}”，打开“{other}”？当前比赛的记录已保存，以后再打开会从当前位置继续。</source>
      <translation>Close “{current}” and open “{other}”? This show's record is saved; opening it again resumes where it stopped.</translation>
    </message>
    <message>
      <source>开始新的一场“{title}”？各队回到基础分；这一场的记录保留在数据库中，可随时导出。</source>
      <translation>Start a new run of “{title}”? Every team goes back to its base score; this run stays in the database and can be exported at any time.</translation>
    </message>
    <message>
      <source>导出成绩表</source>
      <translation>Export score sheet</translation>
    </message>
    <message>
      <source>已导出 {path}</source>
      <translation>Exported {path}</translation>
    </message>
    <message>
      <source>知道了</source>
      <translation>OK</translation>
    </message>
    <message>
      <source>当前题目（仅控台可见，含答案）</source>
      <translation>Current question (console only, with the answer)</translation>
    </message>
    <message>
      <source>显示屏：</source>
      <translation>Screen:</translation>
    </message>
    <message>
      <source>事件记录</source>
      <translation>Event log</translation>
    </message>
    <message>
      <source>音量</source>
      <translation>Volume</translation>
    </message>
    <message>
      <source>退出 StageShow？比赛记录已保存，下次打开会从当前位置继续。</source>
      <translation>Quit StageShow? The show is saved; opening it again resumes where it stopped.</translation>
    </message>
    <message>
      <source>下一题预览：{line}</source>
      <translation>Next question: {line}</translation>
    </message>
    <message>
      <source>显示屏</source>
      <translation>Screen</translation>
    </message>
    <message>
      <source>所选显示屏就是控制台所在的屏幕，大屏会遮住控制台。确定吗？</source>
      <translation>That is the console's own screen: the stage would cover the console. Are you sure?</translation>
    </message>
    <message>
      <source>比赛文件有误</source>
      <translation>Show file has problems</translation>
    </message>
    <message>
      <source>……共 {count} 个问题</source>
      <translation>…{count} problems in all</translation>
    </message>
    <message>
      <source>{path} 无法打开，请按以下提示修改后再试：</source>
      <translation>{path} cannot be opened. Fix these and try again:</translation>
    </message>
    <message>
      <source>大屏镜像（LED 屏、分会场、评委席）</source>
      <translation>Stage mirror (LED wall, second room, judges' table)</translation>
    </message>
    <message>
      <source>直播叠加层（透明背景）</source>
      <translation>Streaming overlay (transparent)</translation>
    </message>
    <message>
      <source>大众评委投票（也显示在大屏上）</source>
      <translation>Audience voting (also shown on the stage)</translation>
    </message>
    <message>
      <source>主持人提示卡（只给主持人扫，勿外传）</source>
      <translation>Host cue card (for the host only; do not share)</translation>
    </message>
    <message>
      <source>评委</source>
      <translation>Judge</translation>
    </message>
    <message>
      <source>主持人</source>
      <translation>Host</translation>
    </message>
    <message>
      <source>控制器</source>
      <translation>Controller</translation>
    </message>
    <message>
      <source>页面</source>
      <translation>Pages</translation>
    </message>
    <message>
      <source>观众手机</source>
      <translation>Audience phones</translation>
    </message>
    <message>
      <source>局域网连接</source>
      <translation>LAN link</translation>
    </message>
    <message>
      <source>设备</source>
      <translation>Devices</translation>
    </message>
    <message>
      <source>按键盒、控制台按钮：POST {url}，内容 {{"command": "next|go|correct|wrong|reveal"}}</source>
      <translation>Button boxes and stream decks: POST {url} with {{"command": "next|go|correct|wrong|reveal"}}</translation>
    </message>
    <message>
      <source>{seconds} 秒前</source>
      <translation>{seconds} s ago</translation>
    </message>
    <message>
      <source>{judge} 号评委</source>
      <translation>Judge {judge}</translation>
    </message>
    <message>
      <source>（评委卡上的二维码与此相同）</source>
      <translation>(the same code as on the judge's card)</translation>
    </message>
    <message>
      <source>角色</source>
      <translation>Role</translation>
    </message>
    <message>
      <source>名称</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>地址</source>
      <translation>Address</translation>
    </message>
    <message>
      <source>最后联系</source>
      <translation>Last heard</translation>
    </message>
    <message>
      <source>{count} 部</source>
      <translation>{count}</translation>
    </message>
    <message>
      <source>（在线）</source>
      <translation> (connected)</translation>
    </message>
    <message>
      <source>局域网连接未开启：按 Ctrl+Shift+L 开启。</source>
      <translation>The LAN link is off: press Ctrl+Shift+L to turn it on.</translation>
    </message>
    <message>
      <source>其他地址：{urls}</source>
      <translation>Other addresses: {urls}</translation>
    </message>
    <message>
      <source>局域网连接（评委、投票、主持人、镜像屏幕）</source>
      <translation>LAN link (judges, voting, host, mirror screens)</translation>
    </message>
    <message>
      <source>局域网连接已开启：{url}（比赛 → 局域网连接… 查看二维码）</source>
      <translation>LAN link on: {url} (Show → LAN link… for the QR codes)</translation>
    </message>
    <message>
      <source>局域网连接已关闭</source>
      <translation>LAN link off</translation>
    </message>
    <message>
      <source>局域网连接无法开启：{reason}</source>
      <translation>The LAN link cannot start: {reason}</translation>
    </message>
    <message>
      <source>局域网连接中断，正在重新开启：{reason}</source>
      <translation>The LAN link dropped; starting it again: {reason}</translation>
    </message>
    <message>
      <source>设备自检</source>
      <translation>Pre-flight check</translation>
    </message>
    <message>
      <source>开赛前逐项检查：绿色为正常，红色须处理，橙色请留意。请各队依次按一下抢答器。</source>
      <translation>Check each line before the show: green is fine, red must be fixed, orange is worth a look. Ask each team to press its buzzer once.</translation>
    </message>
    <message>
      <source>重新检查</source>
      <translation>Check again</translation>
    </message>
    <message>
      <source>播放测试音</source>
      <translation>Play a test tone</translation>
    </message>
    <message>
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>比赛设置…</source>
      <translation>Show settings…</translation>
    </message>
    <message>
      <source>比赛设置：{name}</source>
      <translation>Show settings: {name}</translation>
    </message>
    <message>
      <source>保存　[Ctrl+S]</source>
      <translation>Save  [Ctrl+S]</translation>
    </message>
    <message>
      <source>比赛</source>
      <translation>Show</translation>
    </message>
    <message>
      <source>环节</source>
      <translation>Rounds</translation>
    </message>
    <message>
      <source>检查通过：{teams} 支队伍，{rounds} 个环节，{questions} 道题</source>
      <translation>Check passed: {teams} teams, {rounds} rounds, {questions} questions</translation>
    </message>
    <message>
      <source>有 {count} 个问题，见上方</source>
      <translation>{count} problems, listed above</translation>
    </message>
    <message>
      <source>比赛设置有问题</source>
      <translation>The settings have problems</translation>
    </message>
    <message>
      <source>设置中还有问题，比赛打不开。仍然保存吗？</source>
      <translation>The settings still have problems and the show will not open. Save anyway?</translation>
    </message>
    <message>
      <source>　已保存</source>
      <translation>  saved</translation>
    </message>
    <message>
      <source>无法打开比赛设置</source>
      <translation>Cannot open the show settings</translation>
    </message>
    <message>
      <source>{path} 无法读取（{reason}）。请用 stageshow check 查看出错的位置。</source>
      <translation>{path} cannot be read ({reason}). Run stageshow check to see where.</translation>
    </message>
    <message>
      <source>无法保存</source>
      <translation>Cannot save</translation>
    </message>
    <message>
      <source>比赛设置</source>
      <translation>Show settings</translation>
    </message>
    <message>
      <source>修改还没有保存，放弃这些修改吗？</source>
      <translation>The changes are not saved. Discard them?</translation>
    </message>
    <message>
      <source>添加一行　[Ctrl+N]</source>
      <translation>Add a row  [Ctrl+N]</translation>
    </message>
    <message>
      <source>删除所选行　[Ctrl+Delete]</source>
      <translation>Delete the row  [Ctrl+Delete]</translation>
    </message>
    <message>
      <source>必答题</source>
      <translation>Compulsory</translation>
    </message>
    <message>
      <source>抢答题</source>
      <translation>Buzz-in</translation>
    </message>
    <message>
      <source>风险题</source>
      <translation>Risk</translation>
    </message>
    <message>
      <source>纠错题</source>
      <translation>Error correction</translation>
    </message>
    <message>
      <source>评分题（情景模拟等）</source>
      <translation>Judged (role play etc.)</translation>
    </message>
    <message>
      <source>每队题数</source>
      <translation>Questions per team</translation>
    </message>
    <message>
      <source>顺序</source>
      <translation>Order</translation>
    </message>
    <message>
      <source>答对得分</source>
      <translation>Points if right</translation>
    </message>
    <message>
      <source>答错得分</source>
      <translation>Points if wrong</translation>
    </message>
    <message>
      <source>超时得分</source>
      <translation>Points on timeout</translation>
    </message>
    <message>
      <source>作答时限（秒）</source>
      <translation>Time to answer (s)</translation>
    </message>
    <message>
      <source>题数</source>
      <translation>Questions</translation>
    </message>
    <message>
      <source>作答时间（秒）</source>
      <translation>Time to answer (s)</translation>
    </message>
    <message>
      <source>抢答时限（秒）</source>
      <translation>Buzz window (s)</translation>
    </message>
    <message>
      <source>提前抢答扣分</source>
      <translation>Early press</translation>
    </message>
    <message>
      <source>答错后（close 结束 / reopen 再抢）</source>
      <translation>After a wrong answer (close / reopen)</translation>
    </message>
    <message>
      <source>同时按下（rearm 重抢 / seat 按台号）</source>
      <translation>Simultaneous presses (rearm / seat)</translation>
    </message>
    <message>
      <source>分值档位（用、分隔）</source>
      <translation>Tiers (separated by 、 or commas)</translation>
    </message>
    <message>
      <source>答错扣分倍数</source>
      <translation>Wrong-answer factor</translation>
    </message>
    <message>
      <source>可以放弃（是/否）</source>
      <translation>Pass allowed (true/false)</translation>
    </message>
    <message>
      <source>讨论时间（秒）</source>
      <translation>Discussion (s)</translation>
    </message>
    <message>
      <source>每找对一处得分</source>
      <translation>Points per error found</translation>
    </message>
    <message>
      <source>每处误报得分</source>
      <translation>Points per false claim</translation>
    </message>
    <message>
      <source>本题最高分</source>
      <translation>Item maximum</translation>
    </message>
    <message>
      <source>本题最低分</source>
      <translation>Item minimum</translation>
    </message>
    <message>
      <source>显示错误数（是/否）</source>
      <translation>Show the error count (true/false)</translation>
    </message>
    <message>
      <source>视频重播次数</source>
      <translation>Video replays</translation>
    </message>
    <message>
      <source>评委人数</source>
      <translation>Judges</translation>
    </message>
    <message>
      <source>满分</source>
      <translation>Maximum score</translation>
    </message>
    <message>
      <source>去掉最高分和最低分（是/否）</source>
      <translation>Drop highest and lowest (true/false)</translation>
    </message>
    <message>
      <source>评委分权重</source>
      <translation>Judges' weight</translation>
    </message>
    <message>
      <source>大众评委每票得分</source>
      <translation>Points per audience vote</translation>
    </message>
    <message>
      <source>评分项（名称 满分，用、分隔）</source>
      <translation>Criteria (name max, separated by 、)</translation>
    </message>
    <message>
      <source>每部手机最多投几队</source>
      <translation>Teams per phone's ballot (at most)</translation>
    </message>
    <message>
      <source>不加赛时留空</source>
      <translation>Leave empty for no tie-break</translation>
    </message>
    <message>
      <source>加赛题库（环节名）</source>
      <translation>Tie-break pool</translation>
    </message>
    <message>
      <source>开赛即开启局域网连接（评委平板、观众投票、主持人、镜像屏幕）</source>
      <translation>Turn the LAN link on when the show opens (judges' tablets, audience voting, host, mirror screens)</translation>
    </message>
    <message>
      <source>主持人页面可按“下一题”“开始”（按两次确认）</source>
      <translation>The host's page may press Next and Go (two taps to confirm)</translation>
    </message>
    <message>
      <source>所选环节的参数（留空即用默认值，默认值以灰字显示）</source>
      <translation>The selected round's settings (empty: the default, shown in grey)</translation>
    </message>
    <message>
      <source>比赛名称</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>副标题</source>
      <translation>Subtitle</translation>
    </message>
    <message>
      <source>基础分</source>
      <translation>Base score</translation>
    </message>
    <message>
      <source>题库</source>
      <translation>Banks</translation>
    </message>
    <message>
      <source>奖项（按名次依次颁发，同分并列）</source>
      <translation>Awards (by place; ties share)</translation>
    </message>
    <message>
      <source>编号</source>
      <translation>Id</translation>
    </message>
    <message>
      <source>队名</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>简称</source>
      <translation>Short name</translation>
    </message>
    <message>
      <source>队员（用、分隔）</source>
      <translation>Members (separated by 、 or commas)</translation>
    </message>
    <message>
      <source>颜色（如 #E53935）</source>
      <translation>Colour (e.g. #E53935)</translation>
    </message>
    <message>
      <source>抢答键</source>
      <translation>Buzzer key</translation>
    </message>
    <message>
      <source>题库文件（相对于比赛文件所在文件夹）</source>
      <translation>Bank file (relative to the show file's folder)</translation>
    </message>
    <message>
      <source>全部题目归入环节（可空）</source>
      <translation>Pool for all its questions (optional)</translation>
    </message>
    <message>
      <source>奖项</source>
      <translation>Award</translation>
    </message>
    <message>
      <source>名额</source>
      <translation>Count</translation>
    </message>
    <message>
      <source>类型</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>题库中的环节名</source>
      <translation>Pool in the bank</translation>
    </message>
    <message>
      <source>请先选择环节类型</source>
      <translation>Choose the round's kind first</translation>
    </message>
    <message>
      <source>比赛文件已修改</source>
      <translation>The show files were edited</translation>
    </message>
    <message>
      <source>继续比赛（使用数据库中保存的版本）</source>
      <translation>Continue (with the version stored in the database)</translation>
    </message>
    <message>
      <source>开始新的一场（原记录保留）</source>
      <translation>Start a new show (the old run is kept)</translation>
    </message>
    <message>
      <source>荣获{award}的是</source>
      <translation>{award} goes to</translation>
    </message>
    <message>
      <source>{team}　{points} 分</source>
      <translation>{team}  {points} pts</translation>
    </message>
    <message>
      <source>请各组依次按下抢答器</source>
      <translation>Each seat, press your buzzer in turn</translation>
    </message>
    <message>
      <source>大众评委投票进行中</source>
      <translation>Audience voting is open</translation>
    </message>
    <message>
      <source>已投 {count} 票</source>
      <translation>{count} votes</translation>
    </message>
    <message>
      <source>手机扫码投票，每部手机限投一次</source>
      <translation>Scan to vote: one ballot per phone</translation>
    </message>
    <message>
      <source>手机扫码投票，每部手机限投一次，最多选 {most} 队</source>
      <translation>Scan to vote: one ballot per phone, up to {most} teams</translation>
    </message>
    <message>
      <source>　投票 {votes}</source>
      <translation>  votes {votes}</translation>
    </message>
    <message>
      <source>手柄已断开</source>
      <translation>Controller unplugged</translation>
    </message>
    <message>
      <source>第{rank}名</source>
      <translation>No. {rank}</translation>
    </message>
    <message>
      <source>正在评分：{seat}号台 {team}　评委已评 {given}/{judges}</source>
      <translation>Now scoring: seat {seat} {team} — {given}/{judges} judges have scored</translation>
    </message>
    <message>
      <source>大众评委投票已结束：共 {count} 票</source>
      <translation>Audience voting closed: {count} votes</translation>
    </message>
    <message>
      <source>{points} 分</source>
      <translation>{points} pts</translation>
    </message>
    <message>
      <source>最终成绩</source>
      <translation>Final standings</translation>
    </message>
    <message>
      <source>未分配的按键：</source>
      <translation>Unmapped buttons: </translation>
    </message>
    <message>
      <source>放弃×{count}</source>
      <translation>passed ×{count}</translation>
    </message>
    <message>
      <source>回答正确</source>
      <translation>Correct</translation>
    </message>
    <message>
      <source>回答错误</source>
      <translation>Wrong</translation>
    </message>
    <message>
      <source>无人抢答 · 本题作废</source>
      <translation>Nobody buzzed · question void</translation>
    </message>
    <message>
      <source>各队均已失去作答机会 · 本题结束</source>
      <translation>Every team has had its chance · the question ends</translation>
    </message>
    <message>
      <source>第 {number} 题</source>
      <translation>Question {number}</translation>
    </message>
    <message>
      <source>第 {number} 处（{shown}/{total}）：{error}</source>
      <translation>Error {number} ({shown}/{total}): {error}</translation>
    </message>
    <message>
      <source>加赛：{teams}</source>
      <translation>Tie-break: {teams}</translation>
    </message>
    <message>
      <source>本题共有 {count} 处错误</source>
      <translation>{count} errors in this item</translation>
    </message>
    <message>
      <source>提前抢答犯规：{teams}</source>
      <translation>Early press (foul): {teams}</translation>
    </message>
    <message>
      <source>视频</source>
      <translation>Video</translation>
    </message>
    <message>
      <source>图片无法显示</source>
      <translation>Image cannot be shown</translation>
    </message>
    <message>
      <source>视频无法播放</source>
      <translation>Video cannot be played</translation>
    </message>
    <message>
      <source>暂停</source>
      <translation>Paused</translation>
    </message>
    <message>
      <source>抢答暂停，请等待主持人口令</source>
      <translation>Buzzers paused: wait for the host</translation>
    </message>
    <message>
      <source>找到 {count} 处错误</source>
      <translation>{count} errors found</translation>
    </message>
    <message>
      <source>更正：{fix}</source>
      <translation>Correction: {fix}</translation>
    </message>
    <message>
      <source>请抢答！</source>
      <translation>Buzz now!</translation>
    </message>
    <message>
      <source>{team} 抢答成功　反应 {reaction:.0f} 毫秒</source>
      <translation>{team} buzzed first  reaction {reaction:.0f} ms</translation>
    </message>
    <message>
      <source>　领先 {margin:.0f} 毫秒</source>
      <translation>  ahead by {margin:.0f} ms</translation>
    </message>
    <message>
      <source>无法播放</source>
      <translation>cannot be played</translation>
    </message>
    <message>
      <source>视频无法播放：{path}（{error}）</source>
      <translation>Video cannot be played: {path} ({error})</translation>
    </message>
    <message>
      <source>{title} — 大屏</source>
      <translation>{title} — Stage</translation>
    </message>
  </context>
</TS>
