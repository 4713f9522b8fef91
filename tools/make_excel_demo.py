#!/usr/bin/env python3
"""Write the Excel question bank of the smaller demo final: question_sets/banks/excel-demo.xlsx.

The second demo final (question_sets/excel-demo.show.yaml) takes every question from this one workbook, so it
proves the Excel path of formats.md §3 end to end. Run from the repository root:

    python3 tools/make_excel_demo.py

The workbook is laid out the way organisers keep their banks:

* sheet ``题库``: one row per question, Chinese headers 编号, 环节, 题型, 题干, 选项A…选项D, 答案, 解析, 依据, 档位,
  图片, 视频, and Chinese type names (单选, 多选, 判断, 案例, 文书纠错, 流程纠错);
* sheet ``纠错``: the planted errors of the error-correction items, one row per error: 题号, 错误, 更正,
  区域 (``x,y,w,h`` as fractions of the image) for a document, 时间点 (seconds) for a video.

Ids run EX001…EX032 in four pools:

* ``必答`` EX001–EX008: 4 teams × 2 questions;
* ``抢答`` EX009–EX016: 8 buzz-in questions;
* ``风险`` EX017–EX028: 4 questions in each tier 10 / 20 / 30 (column 档位);
* ``纠错`` EX029–EX032: two flawed documents (media/ws02.png, media/ws03.png) and two process videos
  (media/lc02.mp4, media/lc03.mp4), reusing the demo final's media. Paths are relative to the workbook.

The questions were written for this bank from 《中华人民共和国行政处罚法》(2021), 《中华人民共和国行政许可法》,
《中华人民共和国行政强制法》 and 《中华人民共和国行政复议法》(2023); each cites its article in 依据, and each answer
was checked against that article. Names and units in the cases are invented.

The four error-correction items reuse existing media, so their planted errors must match what the pictures and
videos show. This script therefore does not retype them: it copies text, fix, box and at from the items of
question_sets/banks/correction.questions.yaml whose image or video is the same file. If that bank (or its media)
is regenerated, run this script again. It stops with a message if an item is missing or its number of planted
errors is not the one the answer summary below describes.

The output is byte-for-byte reproducible: the workbook's timestamps and the zip entries' dates are fixed.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from pathlib import Path

import yaml
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

ROOT = Path(__file__).resolve().parents[1]
BANKS = ROOT / "question_sets" / "banks"
OUT = BANKS / "excel-demo.xlsx"
CORRECTION_BANK = BANKS / "correction.questions.yaml"

QUESTION_HEADERS = ["编号", "环节", "题型", "题干", "选项A", "选项B", "选项C", "选项D", "答案", "解析", "依据",
                    "档位", "图片", "视频"]
ERROR_HEADERS = ["题号", "错误", "更正", "区域", "时间点"]
TYPE_NAMES = ["单选", "多选", "判断", "简答", "案例", "文书纠错", "流程纠错"]

CFL = "《中华人民共和国行政处罚法》"   # 2021 revision
XK = "《中华人民共和国行政许可法》"
QZ = "《中华人民共和国行政强制法》"
FY = "《中华人民共和国行政复议法》"    # 2023 revision

# Fixed timestamp for the workbook properties and the zip entries, so that reruns give identical bytes.
FIXED_TIME = (2026, 1, 1, 0, 0, 0)
FIXED_ISO = "2026-01-01T00:00:00Z"


def q(qid, pool, kind, stem, answer, explanation, basis, options=(), tier=None, image=None, video=None):
    """One row of the 题库 sheet."""
    return {"编号": qid, "环节": pool, "题型": kind, "题干": stem, "options": list(options), "答案": answer,
            "解析": explanation, "依据": basis, "档位": tier, "图片": image, "视频": video}


QUESTIONS = [
    # ------------------------------------------------------------------ 必答: 4 teams × 2, in team order
    q("EX001", "必答", "单选",
      "除法律、行政法规、部门规章另有规定外，行政处罚由哪里的行政机关管辖？",
      "C", "行政处罚原则上由违法行为发生地的行政机关管辖；法律、行政法规、部门规章另有规定的，从其规定。",
      f"{CFL}第二十二条",
      options=["当事人户籍所在地", "当事人经营场所登记地", "违法行为发生地", "最先接到举报的行政机关所在地"]),
    q("EX002", "必答", "判断",
      "某违法行为发生后、作出处罚决定前，有关规定被修改且新规定处罚较轻。此时应当适用新的规定。",
      "对", "实施行政处罚原则上适用违法行为发生时的规定；但作出处罚决定时规定已被修改或者废止，"
      "且新的规定处罚较轻或者不认为是违法的，适用新的规定（从旧兼从轻）。",
      f"{CFL}第三十七条"),
    q("EX003", "必答", "单选",
      "行政机关组织行政许可听证，应当在举行听证的几日前将时间、地点通知申请人和利害关系人？",
      "C", "行政机关应当于举行听证的七日前通知申请人、利害关系人，必要时予以公告；听证应当公开举行。",
      f"{XK}第四十八条", options=["三日", "五日", "七日", "十日"]),
    q("EX004", "必答", "多选",
      "行政机关及其工作人员实施行政许可时，下列哪些做法是法律明令禁止的？",
      "ABD", "要求申请人购买指定商品或者接受有偿服务、组织强制性的资格考试考前培训、以转让技术作为取得许可的"
      "条件，都被法律禁止；在办公场所公示许可事项、依据、条件和需要提交的全部材料目录，是法定义务。",
      f"{XK}第二十七条、第三十条、第三十一条、第五十四条",
      options=["要求申请人购买指定的商品", "组织强制性的资格考试考前培训",
               "在办公场所公示需要提交的全部材料的目录", "以转让技术作为取得行政许可的条件"]),
    q("EX005", "必答", "单选",
      "行政机关依法加处罚款或者滞纳金超过多少日，经催告当事人仍不履行的，具有行政强制执行权的行政机关"
      "可以强制执行？",
      "D", "加处罚款或者滞纳金超过三十日，经催告仍不履行的，有强制执行权的机关可以强制执行；"
      "没有强制执行权的机关应当申请人民法院强制执行。",
      f"{QZ}第四十六条", options=["十日", "十五日", "二十日", "三十日"]),
    q("EX006", "必答", "判断",
      "实施行政强制执行时，行政机关不得与当事人达成执行协议，更不能减免加处的罚款。",
      "错", "在不损害公共利益和他人合法权益的情况下，行政机关可以与当事人达成执行协议，约定分阶段履行；"
      "当事人采取补救措施的，可以减免加处的罚款或者滞纳金。当事人不履行协议的，应当恢复强制执行。",
      f"{QZ}第四十二条"),
    q("EX007", "必答", "单选",
      "行政复议机关收到行政复议申请后，应当在几日内审查并决定是否受理？",
      "B", "复议机关应当在五日内审查；审查期限届满未作出不予受理决定的，自届满之日起视为受理。",
      f"{FY}第三十条", options=["三日", "五日", "七日", "十日"]),
    q("EX008", "必答", "多选",
      "关于行政复议的被申请人，下列说法正确的有哪些？",
      "ACD", "受委托组织作出行政行为的，被申请人是委托的行政机关，而不是受委托组织。",
      f"{FY}第十九条",
      options=["两个以上行政机关以共同名义作出同一行政行为的，共同作出的行政机关是被申请人",
               "行政机关委托的组织作出行政行为的，该受委托组织是被申请人",
               "作出行政行为的行政机关被撤销的，继续行使其职权的行政机关是被申请人",
               "法律、法规、规章授权的组织作出行政行为的，该组织是被申请人"]),

    # ------------------------------------------------------------------ 抢答: 8 questions
    q("EX009", "抢答", "单选",
      "行政处罚决定书宣告时当事人不在场的，行政机关应当在几日内依法送达？",
      "C", "决定书应当在宣告后当场交付；当事人不在场的，应当在七日内依照民事诉讼法的有关规定送达。",
      f"{CFL}第六十一条", options=["三日", "五日", "七日", "十日"]),
    q("EX010", "抢答", "判断",
      "经省级人民政府决定集中行使行政处罚权的综合行政执法部门，可以行使行政拘留等限制人身自由的行政处罚权。",
      "错", "限制人身自由的行政处罚权只能由公安机关和法律规定的其他机关行使。",
      f"{CFL}第十八条"),
    q("EX011", "抢答", "单选",
      "行政机关依法制定的行政处罚裁量基准，应当如何对待？",
      "C", "行政机关可以依法制定行政处罚裁量基准，规范行使裁量权；裁量基准应当向社会公布。",
      f"{CFL}第三十四条",
      options=["仅在机关内部掌握", "报上一级机关备案后内部使用", "向社会公布", "只向被处罚的当事人出示"]),
    q("EX012", "抢答", "单选",
      "行政机关作出的准予行政许可决定，应当如何处理？",
      "D", "准予行政许可的决定应当予以公开，公众有权查阅。",
      f"{XK}第四十条", options=["只送达申请人，不对外", "作为内部档案保密", "报上级机关存档即可", "予以公开，公众有权查阅"]),
    q("EX013", "抢答", "判断",
      "为了公共利益的需要，行政机关依法撤回已经生效的行政许可，给被许可人造成财产损失的，应当依法给予补偿。",
      "对", "行政机关不得擅自改变已经生效的行政许可；因所依据的规定修改、废止或者客观情况发生重大变化而依法"
      "变更、撤回的，对造成的财产损失应当依法补偿。",
      f"{XK}第八条"),
    q("EX014", "抢答", "单选",
      "人民法院接到行政机关强制执行的申请，应当在几日内受理？",
      "C", "人民法院应当在五日内受理；行政机关对不予受理的裁定有异议的，可以在十五日内向上一级人民法院申请复议。",
      f"{QZ}第五十六条", options=["二日", "三日", "五日", "七日"]),
    q("EX015", "抢答", "判断",
      "金融机构接到行政机关依法作出的冻结通知书后，可以先告知存款人，再办理冻结。",
      "错", "金融机构应当立即冻结，不得拖延，不得在冻结前向当事人泄露信息。",
      f"{QZ}第三十条"),
    q("EX016", "抢答", "单选",
      "行政复议机构中初次从事行政复议工作的人员，应当符合下列哪项要求？",
      "D", "国家建立专业化、职业化行政复议人员队伍；初次从事行政复议工作的人员，应当通过国家统一法律职业资格"
      "考试取得法律职业资格，并参加统一职前培训。",
      f"{FY}第六条",
      options=["具有五年以上行政执法工作经历", "具有研究生以上学历", "经本机关负责人批准即可",
               "取得法律职业资格并参加统一职前培训"]),

    # ------------------------------------------------------------------ 风险: 4 per tier, tier in 档位
    q("EX017", "风险", "判断",
      "间歇性精神病人在精神正常时实施违法行为的，不予行政处罚。",
      "错", "间歇性精神病人在精神正常时有违法行为的，应当给予行政处罚；在不能辨认或者不能控制自己行为时"
      "有违法行为的，才不予处罚。",
      f"{CFL}第三十一条", tier=10),
    q("EX018", "风险", "判断",
      "申请人申请行政许可，一律应当由本人到行政机关办公场所当面提出。",
      "错", "申请人可以委托代理人提出申请（依法应当本人到办公场所提出的除外），也可以通过信函、传真、"
      "电子数据交换和电子邮件等方式提出。",
      f"{XK}第二十九条", tier=10),
    q("EX019", "风险", "单选",
      "行政机关在行政管理过程中，为防止证据损毁，依法对企业的财物实施暂时性控制，这一行为属于：",
      "B", "为制止违法行为、防止证据损毁、避免危害发生、控制危险扩大，对人身自由实施暂时性限制或者对财物实施"
      "暂时性控制的，是行政强制措施；对不履行行政决定者强制履行义务的，才是行政强制执行。",
      f"{QZ}第二条", tier=10, options=["行政处罚", "行政强制措施", "行政强制执行", "行政许可"]),
    q("EX020", "风险", "判断",
      "行政复议中，与案件处理结果有利害关系的第三人不参加行政复议的，行政复议机关应当中止审理。",
      "错", "第三人不参加行政复议，不影响行政复议案件的审理。",
      f"{FY}第十六条", tier=10),
    q("EX021", "风险", "单选",
      "违法行为构成犯罪，人民法院判处罚金时，行政机关此前已经对当事人处以罚款的，应当如何处理？",
      "D", "已经给予罚款的，应当折抵相应罚金；尚未给予罚款的，不再给予罚款。",
      f"{CFL}第三十五条", tier=20,
      options=["罚款与罚金分别执行", "行政机关退还罚款后由法院判处罚金", "由当事人选择执行其中一项",
               "罚款折抵相应罚金"]),
    q("EX022", "风险", "多选",
      "地方性法规和省、自治区、直辖市人民政府规章设定行政许可时，不得作出下列哪些规定？",
      "ABC", "前三项均被法律禁止；对行政许可法第十二条所列事项，尚未制定法律、行政法规的，地方性法规可以设定"
      "行政许可。",
      f"{XK}第十五条", tier=20,
      options=["设定应当由国家统一确定的公民、法人或者其他组织的资格、资质的行政许可",
               "设定企业或者其他组织的设立登记及其前置性行政许可",
               "以行政许可限制其他地区的商品进入本地区市场",
               "尚未制定法律、行政法规时，由地方性法规对直接关系公共安全的特定活动设定行政许可"]),
    q("EX023", "风险", "单选",
      "对违法的建筑物、构筑物需要强制拆除的，行政机关首先应当怎么做？",
      "A", "应当由行政机关予以公告，限期当事人自行拆除；当事人在法定期限内不申请行政复议或者提起行政诉讼，"
      "又不拆除的，行政机关可以依法强制拆除。",
      f"{QZ}第四十四条", tier=20,
      options=["予以公告，限期当事人自行拆除", "作出决定后立即组织强制拆除", "申请人民法院先予执行",
               "停止对该建筑物供水、供电，迫使当事人拆除"]),
    q("EX024", "风险", "多选",
      "行政行为有下列哪些情形，行政复议机关不撤销该行政行为，但确认其违法？",
      "AB", "A、B 两项确认违法但不撤销；超越职权的应当撤销或者部分撤销；事实清楚、证据确凿、适用依据正确、"
      "程序合法但内容不适当的，应当变更。",
      f"{FY}第六十五条、第六十四条、第六十三条", tier=20,
      options=["依法应予撤销，但撤销会给国家利益、社会公共利益造成重大损害",
               "程序轻微违法，但对申请人权利不产生实际影响",
               "超越职权作出",
               "事实清楚、证据确凿、适用依据正确、程序合法，但内容不适当"]),
    q("EX025", "风险", "案例",
      "区市场监督管理局两名执法人员检查时发现，个体工商户周某经营的便利店存在一项违法行为。经查，这是周某第一次"
      "违法，危害后果轻微，执法人员指出后周某当场改正。执法人员甲认为“违法就要罚，没有例外”。依照行政处罚法，"
      "对周某可以怎样处理？甲的说法对吗？",
      "甲的说法不对。周某属于初次违法且危害后果轻微并及时改正的情形，依法可以不予行政处罚；决定不予处罚的，"
      "行政机关应当对周某进行教育。（若违法行为轻微并及时改正、没有造成危害后果，则应当不予处罚。）",
      "2021年修订的行政处罚法确立了“首违不罚”，体现处罚与教育相结合的原则；“可以不予处罚”由执法机关"
      "结合案情裁量，不是一律处罚。",
      f"{CFL}第三十三条、第六条", tier=30),
    q("EX026", "风险", "案例",
      "李某因违法行为被区市场监督管理局执法人员依简易程序当场处以一百五十元罚款。李某不服，打算直接向人民法院"
      "提起行政诉讼，又不知道行政复议申请应当交给谁。请问李某应当如何寻求救济？",
      "对当场作出的行政处罚决定不服，应当先申请行政复议，对复议决定不服的，再依法提起行政诉讼，不能直接起诉。"
      "复议机关是区人民政府；李某可以自知道该处罚决定之日起六十日内申请，也可以通过作出处罚决定的区市场监督"
      "管理局提交复议申请，该局认为需要维持处罚决定的，应当自收到申请之日起五日内转送复议机关。",
      "当场处罚属于复议前置情形；对县级以上地方人民政府工作部门的行政行为不服，由本级人民政府管辖。",
      f"{FY}第二十条、第二十三条、第二十四条、第三十二条", tier=30),
    q("EX027", "风险", "多选",
      "关于行政强制法规定的代履行，下列说法正确的有哪些？",
      "AD", "代履行可以委托没有利害关系的第三人；代履行完毕，到场监督的工作人员、代履行人和当事人或者见证人"
      "都应当在执行文书上签名或者盖章；代履行的费用按照成本合理确定，原则上由当事人承担；需要立即清除道路、"
      "河道、航道或者公共场所的遗洒物、障碍物或者污染物，当事人不能清除的，可以决定立即代履行。",
      f"{QZ}第五十条、第五十一条、第五十二条", tier=30,
      options=["行政机关可以委托没有利害关系的第三人代履行",
               "代履行完毕后，由代履行人一人在执行文书上签名即可",
               "代履行的费用一律由行政机关承担",
               "需要立即清除道路上的遗洒物而当事人不能清除的，行政机关可以决定立即实施代履行"]),
    q("EX028", "风险", "多选",
      "关于行政复议中的举证，下列说法正确的有哪些？",
      "ABD", "被申请人对行政行为的合法性、适当性负有举证责任；复议期间被申请人不得自行向申请人和其他有关单位"
      "或者个人收集证据，自行收集的证据不作为认定依据。",
      f"{FY}第四十四条、第四十六条、第七十条", tier=30,
      options=["被申请人对其作出的行政行为的合法性、适当性负有举证责任",
               "申请人认为被申请人不履行法定职责的，一般应当提供曾经要求被申请人履行的证据",
               "复议期间，被申请人可以自行向申请人补充收集证据，证明原行政行为合法",
               ("被申请人不按规定提交作出行政行为的证据、依据的，除涉及第三人合法权益且第三人提供证据外，"
                "视为该行政行为没有证据、依据")]),

    # ------------------------------------------------------------------ 纠错: media reused; errors on sheet 纠错
    q("EX029", "纠错", "文书纠错",
      "下图是一份按普通程序作出的行政处罚决定书，其中有多处违法或者不规范的地方。请逐一指出，并说明正确做法"
      "和法律依据。",
      "共五处：决定前没有告知拟处罚内容及陈述、申辩、听证权利；让当事人把罚款交到本局财务科，未实行罚缴分离；"
      "加处罚款比例写成每日百分之五（应为百分之三）；复议机关写成上一级市场监管局（应为区人民政府）；落款缺少"
      "作出决定的日期。",
      "罚缴分离、事先告知、决定书法定载明事项是普通程序的基本要求。",
      f"{CFL}第四十四条、第五十九条、第六十二条、第六十七条、第七十二条；{FY}第二十四条",
      image="media/ws02.png"),
    q("EX030", "纠错", "流程纠错",
      "请观看消防监督检查中当场处罚的视频，找出执法人员违反法定程序的做法，并说明应当怎样做。",
      "共四处：对公司罚款五千元仍走当场处罚程序；当事人要陈述、申辩时被执法人员拒绝；当场收现金，不给专用"
      "票据；处罚决定书没有当场交给当事人。",
      "简易程序只适用于对单位三千元以下罚款或者警告，当场收缴罚款另有严格条件。",
      f"{CFL}第四十五条、第五十一条、第五十二条、第六十二条、第六十七条、第六十八条、第七十条",
      video="media/lc02.mp4"),
    q("EX031", "纠错", "文书纠错",
      "下图是一份当场作出的行政处罚决定书，请找出其中的错误，并说明理由和依据。",
      "共四处：对公民罚款五百元，超过当场处罚二百元的上限；当场收缴五百元并开具自制收据，既不符合当场收缴的"
      "条件，也没有使用财政部门统一制发的专用票据；告知可以直接起诉，而没有告知应当先申请行政复议；只有一名"
      "执法人员签名。",
      "简易程序、当场收缴和复议前置各有条件，要分别对照法条。",
      f"{CFL}第四十二条、第五十一条、第五十二条、第六十八条、第七十条；{FY}第二十三条",
      image="media/ws03.png"),
    q("EX032", "纠错", "流程纠错",
      "请观看执法人员实施扣押的视频，指出其中违反行政强制法的做法，并说明正确做法。",
      "共四处：当事人没到场，也没请见证人到场就动手扣押；把与违法行为无关的冰箱、电动三轮车一并扣押；扣押"
      "期限写成六十日，超过三十日的上限；扣押决定书和清单没有当场交付。",
      "查封、扣押是行政强制措施，必须遵守第十八条的一般程序和第二十三条至第二十五条的特别规定。",
      f"{QZ}第十八条、第二十三条、第二十四条、第二十五条",
      video="media/lc03.mp4"),
]

# Error-correction items: which media file each reuses, and how many planted errors its answer summary describes.
CORRECTION_MEDIA = {"EX029": ("image", "media/ws02.png", 5), "EX030": ("video", "media/lc02.mp4", 4),
                    "EX031": ("image", "media/ws03.png", 4), "EX032": ("video", "media/lc03.mp4", 4)}


def planted_errors() -> list[list]:
    """Rows of the 纠错 sheet, copied from the demo final's correction bank item that shows the same media."""
    bank = yaml.safe_load(CORRECTION_BANK.read_text(encoding="utf-8"))["questions"]
    rows = []
    for question_id, (field, media, expected) in CORRECTION_MEDIA.items():
        matches = [item for item in bank if item.get(field) == media]
        if len(matches) != 1:
            sys.exit(f"{CORRECTION_BANK.name}: expected one item with {field}: {media}, found {len(matches)}")
        errors = matches[0]["errors"]
        if len(errors) != expected:
            sys.exit(f"{CORRECTION_BANK.name}: {media} has {len(errors)} planted errors, the summary of "
                     f"{question_id} describes {expected}; update the summary")
        for error in errors:
            box = ",".join(f"{value:g}" for value in error["box"]) if "box" in error else None
            rows.append([question_id, error["text"], error.get("fix"), box, error.get("at")])
    return rows


def check_counts() -> None:
    pools: dict[str, list] = {}
    for row in QUESTIONS:
        pools.setdefault(row["环节"], []).append(row)
    expected = {"必答": 8, "抢答": 8, "风险": 12, "纠错": 4}
    assert {pool: len(rows) for pool, rows in pools.items()} == expected, pools.keys()
    for tier in (10, 20, 30):
        assert sum(1 for row in pools["风险"] if row["档位"] == tier) == 4, tier
    assert len({row["编号"] for row in QUESTIONS}) == len(QUESTIONS)


def header(sheet, names: list[str], widths: dict[str, float]) -> None:
    sheet.append(names)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    sheet.freeze_panes = "A2"
    for column, width in widths.items():
        sheet.column_dimensions[column].width = width


def build() -> Workbook:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "题库"
    header(sheet, QUESTION_HEADERS, {"A": 8, "B": 6, "C": 9, "D": 60, "E": 24, "F": 24, "G": 24, "H": 24,
                                     "I": 8, "J": 50, "K": 36, "L": 6, "M": 16, "N": 16})
    for row in QUESTIONS:
        options = row["options"] + [None] * (4 - len(row["options"]))
        sheet.append([row["编号"], row["环节"], row["题型"], row["题干"], *options, row["答案"], row["解析"],
                      row["依据"], row["档位"], row["图片"], row["视频"]])
    wrap = Alignment(wrap_text=True, vertical="top")
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            cell.alignment = wrap
    types = DataValidation(type="list", formula1='"' + ",".join(TYPE_NAMES) + '"', allow_blank=False,
                           showErrorMessage=True, errorTitle="题型", error="请从下拉列表中选择题型")
    sheet.add_data_validation(types)
    types.add("C2:C2000")

    errors = workbook.create_sheet("纠错")
    header(errors, ERROR_HEADERS, {"A": 8, "B": 44, "C": 70, "D": 26, "E": 8})
    for row in planted_errors():
        errors.append(row)
    for cells in errors.iter_rows(min_row=2):
        for cell in cells:
            cell.alignment = wrap
    return workbook


def save_reproducibly(workbook: Workbook, out: Path) -> None:
    """Save with fixed timestamps (workbook properties and zip entry dates), so reruns give the same bytes."""
    buffer = io.BytesIO()
    workbook.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    result = io.BytesIO()
    with zipfile.ZipFile(result, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = data.decode("utf-8")
                text = re.sub(r"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)", rf"\g<1>{FIXED_ISO}\g<2>", text)
                data = text.encode("utf-8")
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, data)
    out.write_bytes(result.getvalue())


def main() -> None:
    check_counts()
    workbook = build()
    save_reproducibly(workbook, OUT)
    print(f"wrote {OUT.relative_to(ROOT)}: {len(QUESTIONS)} questions, "
          f"{workbook['纠错'].max_row - 1} planted errors")


if __name__ == "__main__":
    main()
