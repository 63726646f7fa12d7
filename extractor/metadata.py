"""Metadata stage: title, document number, bulletin issue, issuer, dates, reporting period
and region of one circular, read from its own text only (never the file name or path).

Where each field comes from:

* The **header** is the run of lines before the body starts (the salutation `各乡镇…：`,
  a heading `一、`, or the first sentence). In it: the document number on a line of its
  own (`汝政办〔2022〕37号`, so numbers the body cites are never taken), the bulletin issue
  (`2023年第2期`, else `总第266期`), web-page lines (`发布时间：`, `时间:2023-10-26`,
  `来源：`), a header line `发文机关 2023年3月20日`, and the **title**: the first run of
  adjacent plain lines that ends like a title (`…通报`, `…简报`, `…周报`), joined, so
  a title broken over two lines (`汝州市12345民呼必应热线` / `二月份工作简报`) stays whole.
* The **signature**: an issuing body on its own line followed by a date (blank lines
  between allowed; `2023731` and `二〇二三年三月二十日` read too), or `机关 日期印发`.
  It gives issuer and issue date; failing it, the header line, a body name standing alone
  before the annexes, the header's `…文件`, a labelled `发布机构：`, the title's author
  (`…办公室关于…`), the page's `来源：`. A page with no date of its own (a news article) is
  issued the day it was posted.
* The **period**: from the title, a header line `(2023年6月12日—6月18日)`, the sentence
  `现将…通报如下`, or the first period the body opens a paragraph with; a period without a
  year takes it from the issue date (`二月份` issued 2023-03-20 → 2023-02).
* The **region**: the divisions the issuer names (then the other header bodies, then the
  title), decided among same-name places by the rest of the text; see `region.py`.
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_right

import regex

from .dates import Period, find_date, find_periods, make_date, parse_date
from .model import Document
from .patterns import inline
from .readers.pdf import DOC_NUMBER_MARK
from .region import resolve

FIELDS = ("title", "doc_number", "issue_no", "issuer", "issue_date", "published_date", "period_start",
          "period_end", "period_label", "province", "city", "county", "admin_code")

SPACE = regex.compile(r"[ \t\u3000\xa0\u2002\u2003\u200b]+")
BRACKETS = "〔〕[]【】()（）﹝﹞［］"
DOC_NUMBER = regex.compile(
    r"^(?P<pre>[\p{Han}A-Za-z]{0,40})" + DOC_NUMBER_MARK +
    r"(?=$|签发人|[(（]?(?:19|20)\d{2}年|[(（]?[〇○零一二三四五六七八九]{4}年)")
DOC_NUMBER_LABELED = regex.compile(r"(?:文号|发文字号)[:：](?P<pre>[\p{Han}A-Za-z]{0,16})" + DOC_NUMBER_MARK)
ISSUE_YEAR = regex.compile(r"(?P<y>(?:19|20)\d{2})年第(?P<n>\d{1,4})期")
ISSUE_TOTAL = regex.compile(r"总第(?P<n>\d{1,5})期")
ISSUE_BESIDE = regex.compile(r"(?:19|20)\d{2}年第\d{1,4}期|[(（]总第\d{1,5}期[)）]|[|｜]")
ISSUE_PLAIN = regex.compile(r"^[(（]?(?P<no>第[\d一二三四五六七八九十百]{1,6}期)[)）]?$")
NAV_TERMS = {"通知公告", "公示公告", "工作动态", "政务动态", "政策文件", "工作简报", "信息公开", "政务公开", "新闻中心",
             "工作报告", "统计分析", "通知通告", "公告公示", "热线动态", "工作情况"}
WEB_LINE = regex.compile(r"首页|欢迎访问|无障碍|长者模式|适老化|点击蓝字|蓝字关注|您当前的位置|当前位置|>|来源[:：]|发布时间|发布日期|浏览次数|访问量|点击[数率量]|字号|字体|"
                         r"发表人|发帖人|楼主|转载自|版权归|"
                         r"打印|关闭|分享|扫一扫|二维码|^【|^时间[:：]|^日期[:：]|^[×x✕]$")
PUBLISHED = regex.compile(r"(?:^|(?<=[\s】\]|]))(?:发布时间|发布日期|发表时间|更新时间|时间|日期)\s*[:：]\s*")
# (a page or export that labels both dates, `日期: 2024-04-15` / `发布日期: 2024-04-18`: the
# named publication date is the page's)
PUBLISHED_NAMED = regex.compile(r"(?:^|(?<=[\s】\]|]))(?:发布时间|发布日期|发表时间|更新时间)\s*[:：]\s*")
# the rule a red-header circular draws under its masthead (`━━━━`), as text
RULE_LINE = regex.compile(r"^[━─═—\-_~*·=]{3,}$")
# a field label before a title, as an export's front matter or a portal's 信息公开 table gives it
TITLE_LABEL = regex.compile(r"^(?:标题|题目|文件名称|名称)[:：]")
# `成文日期：…`, or a date alone in brackets under the title (`（2024年12月16日）`, as summaries and speeches are dated)
WRITTEN = regex.compile(r"成文日期\s*[:：]\s*(?P<d>\S+)|^\s*[(（]\s*(?P<d>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*[)）]\s*$")
SALUTATION = regex.compile(r"[:：]$")
HEADING = regex.compile(r"^[(（]?[一二三四五六七八九十]+[)）、.．]|^第[一二三四五六七八九十]+[部分章节]")
BODY_PUNCT = regex.compile(r"[。，；,;！？]")
# a page that republishes a circular says so before its text (`…，现将全文刊发如下。`): the
# circular's own title and number follow
REPUBLISHED = regex.compile(r"(?:全文|原文)(?:予以)?(?:刊发|转发|发布|刊登|公布|转载)?如下[。：:]?$")
# a page's own time stamp (`2024-04-16 18:05`): a circular dates itself without a clock time
STAMPED = regex.compile(r"\d{4}-\d{1,2}-\d{1,2}\s*\d{1,2}:\d{2}")
ORG_SUFFIX = (r"(?:人民政府|政府|办公室|办公厅|局|中心|委员会|管委会|管理委员会|办事处|街道|小组|指挥部|热线办|"
              r"服务中心|督查室|督办室|厅|委|办|处|所|站|队|院|公司|居委会|村委会|联合会|商会|协会|工商联)")
# a masthead that sets the issuer and its number on one line (`X县人民政府办公室  X政办发〔2024〕19号`):
# the issuer's name before the number's own prefix, which is an abbreviation of two to eight characters
ISSUER_BEFORE_PREFIX = regex.compile(rf"^\p{{Han}}{{3,}}{ORG_SUFFIX}(?P<pre>\p{{Han}}{{2,8}})$")
# a page's source line (`来源：市政务服务中心  浏览次数…`, the next label maybe run on) and the
# issuing body a portal's 信息公开 table or an export's front matter labels outright
_LABELLED_ORG = rf"\s*[:：]\s*(?P<s>[^\s:：]{{2,40}}?{ORG_SUFFIX})(?=[\s|｜【]|$|作者|编辑|责任|浏览|阅读|点击|字号|发布|时间|日期)"
SOURCE = regex.compile(r"来源" + _LABELLED_ORG)
ISSUER_LABEL = regex.compile(r"(?:发布机构|发文机关|发文单位|发布单位|成文单位)" + _LABELLED_ORG)
ORG_LINE = regex.compile(rf"^(?!附件|附表|备注|注[:：])(?!.*网站$)[\p{{Han}}A-Za-z0-9()（）“”\"·、]{{2,40}}?{ORG_SUFFIX}$")   # (a site's name is none)
# a bulletin's masthead line: `寿光市行政审批服务局编印  2024年5月10日`
EDITED_BY = regex.compile(r"\s*(?:编印|编制|主办|编)$")
ORG_FILE = regex.compile(rf"^(?P<org>[\p{{Han}}()（）]{{2,40}}?{ORG_SUFFIX})文件$")
ANNEX_LINE = regex.compile(r"^附\s*[件表]\s*[\d一二三四五六七八九十]*\s*(?:[:：.．、]|$|[\p{Han}“\"《(（]{2,}[表单图况]$)")
# names its subject or period and ends as a document does (not a section's `…运行情况`)
SUBJECT_TITLE = regex.compile(r"^(?=.*(?:关于|(?:19|20)\d{2}年|[\d一二三四五六七八九十]{1,3}月份?|季度|半年))"
                              r".*(?:通报|报告|通知|分析|简析|总结|专报|快报|简报|周报|旬报|月报|季报|年报|发布会|通报会|答记者问|实录|访谈)$")
CIRCULAR_TITLE = regex.compile(r"12345|热线|诉求|工单|督办|政务服务|便民|[月期]份?|周|旬")
TITLE_END = regex.compile(r"(?:通报|简报|周报|旬报|月报|日报|季报|年报|报告|通知|情况|快报|专报|公告|通告|分析|动态|汇总|要情|工作总结|工作计划|工作要点|工作思路|工作打算|工作安排|"
                          r"发布会|通报会|答记者问|实录|访谈|简析|[红黑黄]{2}榜|排行榜)"
                          r"[”\"」』)）]*$")
AUTHOR = regex.compile(rf"^(?P<org>[\p{{Han}}]{{2,40}}?{ORG_SUFFIX})(?:关于|\d{{4}}\s*年)")
PRESENTLY = regex.compile(r"现[将就把对](?P<s>[^。；]{0,160}?)(?:通报|报告|通知|公布|公示)如下")
SENTENCE_HEAD = inline(r"(?:\A|。)\s*(?:今年|本年度?)?\Z")
SHORT_LEAD = inline(r"[^，,。；;\d]{1,6}[，,]\s*")
DEADLINE = inline(r"\s*(?:底|末|中旬|上旬|下旬)?(?:前|以前|之前)")
PERIOD_LINE = regex.compile(r"^(?:【[^】]{1,10}】)?[(（【\[]?(?P<s>[^()（）]{4,40})[)）】\]]?$")   # (`【本周概况】(5月13日至5月19日)`)


def compact(s: str) -> str:
    return SPACE.sub("", s).strip()


def extract_metadata(doc: Document) -> dict:
    title_at = doc.to_text(doc.title_at) if doc.title_at is not None else None
    doc.metadata = Metadata(doc.text, table_spans(doc), title_at).fields()
    return doc.metadata


def table_spans(doc: Document) -> list[tuple[int, int]]:
    return [(b.start, b.end) for b in doc.blocks if b.kind == "table"]


class Metadata:
    """Reads the fields out of one normalised text; `fields()` returns the contract keys."""

    def __init__(self, text: str, tables: list[tuple[int, int]] | None = None, title_at: int | None = None):
        self.text = text
        raw_lines = text.split("\n")
        self.raw_lines = raw_lines
        self.lines = [compact(l) for l in raw_lines]
        starts, pos = [], 0
        for l in raw_lines:
            starts.append(pos)
            pos += len(l) + 1
        tables = tables or []
        self.in_table = [any(a <= s < b for a, b in tables) or _table_like(raw_lines[i])
                         for i, s in enumerate(starts)]
        # the line a web page names as its title, however it reads
        self.title_line = bisect_right(starts, title_at) - 1 if title_at is not None else None
        self.body_start = self._body_start()

    # ------------------------------------------------------------- structure

    def _body_start(self) -> int:
        for i, line in enumerate(self.lines[:80]):
            # (a portal's 信息公开 table of 索引号/文号/名称 above the article is no body)
            if not line or self.in_table[i] or WEB_LINE.search(line) or REPUBLISHED.search(line) \
                    or i == self.title_line:
                continue
            if HEADING.match(line) or BODY_PUNCT.search(line) or (SALUTATION.search(line) and len(line) > 4):
                return i
        return 0

    def header(self) -> list[tuple[int, str]]:
        return [(i, self.lines[i]) for i in range(self.body_start)]

    # ------------------------------------------------------------- fields

    def fields(self) -> dict:
        out = dict.fromkeys(FIELDS)
        out["title"] = self.title()
        out["doc_number"] = self.doc_number()
        out["issue_no"] = self.issue_no()
        issuer, issue_date = self.issuer_and_date()
        out["issuer"] = issuer
        out["issue_date"] = issue_date
        published = self.published_date()
        # (a page dated the day the circular was signed states no separate publication date;
        # an article with no date of its own, as news pages are, is issued the day it is posted)
        if issue_date is None:
            issue_date = out["issue_date"] = published
        out["published_date"] = published if published != issue_date else None
        ref = issue_date or out["published_date"]
        period = self.period(out["title"])
        if period is not None:
            span = period.resolve(ref or self._year_ref())
            if span is not None:
                out["period_start"], out["period_end"] = span
                out["period_label"] = period.label
        sources = [issuer] + self.other_orgs() + [out["title"]]
        out.update(resolve([s for s in sources if s], self.text).as_dict())
        return out

    def title(self) -> str | None:
        group: list[str] = []
        groups: list[tuple[int, list[str]]] = []   # (index of its first line, its lines)
        for i, line in self.header():
            line = TITLE_LABEL.sub("", line)
            if not self.in_table[i] and self._is_title_line(line):
                if i == self.title_line and group:
                    # (the line the page names its title starts it: above are the site's)
                    groups.append((i - len(group), group))
                    group = []
                group.append(line)
                continue
            if group:
                groups.append((i - len(group), group))
            group = []
        if group:
            groups.append((self.body_start - len(group), group))
        titles = []
        numbered = None
        for first, g in groups:
            if len(g) > 1 and len(g[0]) <= 6 and TITLE_END.search(g[0]):
                first, g = first + 1, g[1:]   # (a page's column label, `在线访谈`, above the title)
            for k in range(min(len(g), 3), 0, -1):
                cand = "".join(g[:k])
                if TITLE_END.search(cand) and len(cand) >= 6 and cand not in NAV_TERMS:
                    titles.append(cand)
                    if numbered is None and (self._doc_number_line(first, -1)
                                             or self._doc_number_line(first + len(g) - 1, 1)):
                        numbered = cand
                    break
        # a web page or a forum repost may show its own headline above the circular's title, and
        # a bulletin its masthead (`…工作简报`) above the article's: prefer the title the document
        # number stands next to, then one naming its subject (关于…) or its period, then one
        # that reads like a circular, then the first
        if numbered is not None:
            return numbered
        for pattern in (SUBJECT_TITLE, CIRCULAR_TITLE):
            for t in titles:
                if pattern.search(t):
                    return t
        if titles:
            return titles[0]
        return self.lines[self.title_line] if self.title_line is not None and self.lines[self.title_line] else None

    def _is_title_line(self, line: str) -> bool:
        if not line or WEB_LINE.search(line) or REPUBLISHED.search(line) or len(line) > 80 or RULE_LINE.match(line):
            return False
        if DOC_NUMBER.match(line) or ISSUE_YEAR.search(line) or ISSUE_TOTAL.search(line) or ISSUE_PLAIN.match(line):
            return False
        if inline(r"^[(（].*[)）]$").match(line) or ORG_LINE.match(line) or ORG_FILE.match(line):
            return False
        if find_date(line) is not None and not TITLE_END.search(line):
            return False  # `机关 日期`, a date line; a title may still name dates (`…6月12日至18日…周报`)
        return True

    def _doc_number_line(self, at: int, step: int) -> bool:
        """Is the first non-blank line from `at` in direction `step` (±1) a document number?"""
        i = at + step
        while 0 <= i < len(self.lines) and not self.lines[i]:
            i += step
        return 0 <= i < len(self.lines) and DOC_NUMBER.match(self.lines[i]) is not None

    def doc_number(self) -> str | None:
        for _, line in self.header():
            m = DOC_NUMBER.match(line) or DOC_NUMBER_LABELED.search(line)
            if m:
                pre = m["pre"]
                if len(pre) > 8 and (issuer := ISSUER_BEFORE_PREFIX.match(pre)):
                    pre = issuer["pre"]
                return f"{pre}〔{m['y']}〕{m['n']}号"
        return None

    def issue_no(self) -> str | None:
        head = self.header()
        for _, line in head:
            m = ISSUE_YEAR.search(line)
            if m:
                return m.group(0)
        for _, line in head:
            m = ISSUE_PLAIN.match(line)
            if m:
                return m["no"]
        for _, line in head:
            m = ISSUE_TOTAL.search(line)
            if m:
                return m.group(0)
        return None

    def published_date(self) -> dt.date | None:
        head = self.raw_lines[:max(self.body_start, 15)]
        tail = self.raw_lines[max(len(head), len(self.raw_lines) - 15):]
        for label in (PUBLISHED_NAMED, PUBLISHED):
            for raw in head + tail:
                if not WEB_LINE.search(raw):
                    continue
                for m in label.finditer(raw):
                    found = find_date(raw[m.end():m.end() + 40])
                    if found is not None and found[1] == 0:
                        return found[0]
        for raw in head:
            # `2023-10-26 10:30 来源：…` — the page's own date line, unlabeled
            if (inline(r"来源\s*[:：]|浏览|阅读|点击").search(raw) or STAMPED.search(raw)) and not WRITTEN.search(raw):
                d = parse_date(raw)
                if d is not None:
                    return d
        return None

    # ------------------------------------------------------------- issuer

    def signatures(self) -> list[tuple[int, str, dt.date]]:
        """(line, issuer, date) for every signature: an org line then a date line (blank
        lines between allowed), or `org date` / `org date印发` on one line."""
        out = []
        n = len(self.lines)
        for i in range(n):
            if self.in_table[i]:
                continue
            line = self.lines[i]
            if not line:
                continue
            d = _date_only(line)
            if d is not None:
                j = i - 1
                while j >= 0 and not self.lines[j] and i - j <= 4:
                    j -= 1
                if j >= 0 and not self.in_table[j] and ORG_LINE.match(self.lines[j]):
                    k = j
                    while k - 1 >= 0 and ORG_LINE.match(self.lines[k - 1]) and not self.in_table[k - 1]:
                        k -= 1  # joint issuers: the first one leads
                    if k < j and k < self.body_start:
                        k = j
                    out.append((i, self.lines[k], d))
                continue
            found = find_date(line)
            if found is not None:
                date, s, e = found
                org, rest = EDITED_BY.sub("", line[:s].rstrip()), line[e:]
                if rest in ("", "印发", "发布", "印", "制发") and ORG_LINE.match(org):
                    out.append((i, org, date))
        return out

    def issuer_and_date(self) -> tuple[str | None, dt.date | None]:
        sigs = self.signatures()
        closing = [s for s in sigs if s[0] >= self.body_start]
        heading = [s for s in sigs if s[0] < self.body_start]
        for group in (closing, heading):
            if group:
                _, org, d = group[0]
                return org, d
        written = None
        for raw in self.raw_lines[:max(self.body_start, 15)]:
            m = WRITTEN.search(raw)
            if m:
                written = parse_date(m["d"])
        orgs = self.other_orgs()
        return (orgs[0] if orgs else None), written or self._closing_date()

    def _closing_date(self) -> dt.date | None:
        """A date standing alone after the text where a signature would be (the body's
        name lost), followed only by annexes, a `(此件公开发布)` note or the end."""
        n = len(self.lines)
        for i in range(max(self.body_start, 1), n):
            if self.in_table[i] or not self.lines[i]:
                continue
            d = _date_only(self.lines[i])
            if d is None:
                continue
            j = i + 1
            while j < n and not self.lines[j]:
                j += 1
            prev = i - 1
            while prev >= 0 and not self.lines[prev]:
                prev -= 1
            after_ok = j >= n or ANNEX_LINE.match(self.lines[j]) or inline(r"^[(（]此件|^抄送|^扫一扫").match(self.lines[j])
            before_ok = prev >= 0 and not self.in_table[prev] and inline(r"[。！]$").search(self.lines[prev])
            if after_ok and before_ok:
                return d
        return None

    def other_orgs(self) -> list[str]:
        """Issuing bodies named outside a signature, best first: a body standing alone
        before the annexes or at the end, the header's `…文件`, a labelled `发布机构：`,
        the title's author, the web page's `来源`, an org line in the header."""
        out: list[str] = []
        n = len(self.lines)
        for i in range(self.body_start, n):
            if self.in_table[i] or not ORG_LINE.match(self.lines[i]) or HEADING.match(self.lines[i]):
                continue
            j = i + 1
            while j < n and not self.lines[j]:
                j += 1
            if j >= n or ANNEX_LINE.match(self.lines[j]) or self.in_table[j]:
                prev = i - 1
                while prev >= 0 and not self.lines[prev]:
                    prev -= 1
                if prev < 0 or not ORG_LINE.match(self.lines[prev]):
                    out.append(self.lines[i])
                    break
        header = self.header()
        out += [m["org"] for _, line in header if (m := ORG_FILE.match(line))]
        page_head = self.raw_lines[:max(self.body_start, 15)]
        out += [m["s"] for raw in page_head if (m := ISSUER_LABEL.search(raw)) and ORG_LINE.match(m["s"])]
        t = self.title()
        if t:
            m = AUTHOR.match(t)
            if m:
                out.append(m["org"])
        # (a page's `来源：` names the body whose article it is; an org line above it may be the site's)
        out += [m["s"] for raw in page_head if (m := SOURCE.search(raw)) and ORG_LINE.match(m["s"])]
        out += [line for _, line in header if ORG_LINE.match(line) and not WEB_LINE.search(line)]
        seen, uniq = set(), []
        for o in out:
            if o not in seen:
                seen.add(o)
                uniq.append(o)
        return uniq

    # ------------------------------------------------------------- period

    def period(self, title: str | None) -> Period | None:
        if title:
            ps = find_periods(title)
            if ps:
                return _best(ps)
        for _, line in self.header():
            # (`2024年第23期(6月3日—6月9日)`, `第29期(总第312期) | 7月15日—7月21日`: the period beside the issue)
            m = PERIOD_LINE.match(ISSUE_BESIDE.sub("", line) if ISSUE_YEAR.search(line) else line)
            if m and line != title:
                ps = [p for p in find_periods(m["s"]) if p.kind in ("days", "months") or p.label == m["s"]]
                if ps:
                    return ps[0]
        body = [(i, self.lines[i]) for i in range(self.body_start, len(self.lines))
                if self.lines[i] and not self.in_table[i]][:12]
        for _, line in body[:4]:
            m = PRESENTLY.search(line)
            if m:
                ps = find_periods(m["s"])
                if ps:
                    return _best(ps)
        found: list[Period] = []
        for _, line in body:
            if ANNEX_LINE.match(line):
                break
            text = inline(r"^(?:[(（]?[一二三四五六七八九十\d]+[)）、.．]\s*)").sub("", line)
            for p in find_periods(text):
                # (at the head of the paragraph or of a sentence, or after a short lead: `经核查，2024年5月你镇…`,
                # `…情况。今年1至5月，…`; not a deadline, `于2024年7月底前`)
                if (p.strong or text[max(0, p.start_pos - 1)] in "自从于在" or SENTENCE_HEAD.search(text, 0, p.start_pos)
                        or SHORT_LEAD.fullmatch(text, 0, p.start_pos)) and not DEADLINE.match(text, p.end_pos):
                    found.append(p)
        if not found:
            return None
        first = found[0]
        if first.kind == "year":
            for p in found[1:]:
                if p.strong and (p.year is None or p.year == first.year):
                    if p.year is None:
                        p.year = first.year
                    return p
        return first

    def _year_ref(self) -> dt.date | None:
        """A reference date when the circular states none: the end of the latest year it
        names in its header or opening."""
        years = [int(y) for y in inline(r"(?<!\d)((?:19|20)\d{2})\s*年").findall("\n".join(self.lines[:self.body_start + 5]))]
        return dt.date(max(years), 12, 31) if years else None


def _best(ps: list[Period]) -> Period:
    """The first period written (`2023年1-6月` is already one expression, so a year is
    never split from the months that follow it)."""
    return ps[0]


def _date_only(line: str) -> dt.date | None:
    m = inline(r"(?P<y>(?:19|20)\d{2})年(?P<m>\d{1,2})月(?P<d>\d{1,2})").fullmatch(line)
    if m:  # a signature date that lost its 日
        return make_date(int(m["y"]), int(m["m"]), int(m["d"]))
    found = find_date(line)
    if found is None:
        return None
    d, s, e = found
    rest = line[:s] + line[e:]
    if rest in ("", "印发", "发布", "印"):
        return d
    return None


def _table_like(line: str) -> bool:
    return "|" in line or line.startswith("\t")
