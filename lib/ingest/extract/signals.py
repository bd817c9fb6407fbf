"""Per-line signals that tell an article's prose from page furniture.

Each function looks at one line (or a line and its neighbours) and returns a
number or a label; none decides alone. `lib.ingest.extract.blocks` turns them into a
feature vector and `lib.ingest.extract.scorer` weighs them with weights learned on
the dev set (tools/train_cleaner.py). Lexicons are short, multilingual where
cheap, and name *kinds* of furniture (comments, promos, credits...), never a
particular site. Hand-written because no maintained library scores plain
(non-HTML) page text; jusText/trafilatura need the DOM.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

_WORD = re.compile(r"\w+", re.UNICODE)
_ALPHA_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Scripts without letter case (kana, Han, Hangul, Thai): case-based signals do not apply to them.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")
# Scripts written without spaces between words (kana, Han, Thai; not Hangul, which spaces words).
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f]")
# Thai ends a sentence with a space, not a mark: a line ending in a long run of Thai is prose.
_THAI_PROSE_END = re.compile(r"[\u0e00-\u0e7f]{20,}[\u0e00-\u0e7f\s\d,]*$")
# Runs of content characters of CJK scripts (katakana, Han, Hangul): hiragana are mostly
# particles and verb endings, so they separate runs like spaces do.
_CJK_CONTENT_RUN = re.compile(r"[\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\u0e00-\u0e7f]{2,}")
# Closing quotes/brackets that may follow final punctuation (Latin and CJK).
_CLOSERS = "'\"”’»)\\]」』）】〕"
# Final punctuation of a sentence, possibly followed by closing quotes/brackets.
# (Arabic script closes a question with "؟" and some sentences with "۔".)
_SENTENCE_END = re.compile(rf"[.!?…。！？．｡:;؟۔][{_CLOSERS}]*\s*$")
# A break between sentences: Latin final punctuation + space + capital, or CJK final
# punctuation followed by more text (CJK writes no space after 。).
_SENTENCE_BREAK = re.compile(
    r"[.!?。！？]['\"”’»)]*\s+(?=['\"“‘«(]?[A-Z0-9\u00c0-\u024f\u0400-\u04ff])|[。！？．｡][」』）】〕]*(?=\s*\S)"
)
_DIGIT = re.compile(r"\d")
_URL = re.compile(r"https?://|www\.\w|\b\w+\.(?:com|org|net|co\.uk|io)\b/", re.IGNORECASE)
# Bounded repeats (an address's local part is at most 64 characters): unbounded ones made a
# long line of "a.a.a.a..." quadratic, as every word boundary rescanned to the end of the line.
_EMAIL = re.compile(r"\b[\w.+-]{1,64}@[\w-]{1,63}\.[\w.]{1,63}\b")

# --- comment shapes -------------------------------------------------------
_VOTE_COUNT = re.compile(r"^[-+−]?\d+\s*\(\s*[+]\s*\d+\s*/\s*[-−]\s*\d+\s*\)$")  # "-3 ( +1 / -4 )"
# "Rating: 9 Votes", "12 points", "34 likes", "5 upvotes" standing alone.
# ... optionally followed by the next commenter's user name ("Rating: 25 Votes fmcshan").
_VOTE_LINE = re.compile(
    r"^(?:rating|score|votes?|points?)?\s*:?\s*[-+−]?\d+\s+(?:votes?|points?|likes?|upvotes?|downvotes?)(?:\s+[\w.-]{2,30})?$",
    re.IGNORECASE,
)
_BARE_COUNT = re.compile(r"^[-+−]?\d{1,5}$")  # "12" (likes, votes)
_AT_USER = re.compile(r"^@[\w.]{2,30}\b")
_COMMENT_WORDS = re.compile(
    r"^(reply|replies|\d+\s+repl(?:y|ies)|report|flag|like|likes|\d+\s+likes?|upvote|downvote|permalink|"
    r"load more comments|show more comments|view all comments|view \d+ replies|hide replies|"
    r"log in to (?:reply|comment)|sign in to comment|be the first to comment|no comments yet\W*|"
    r"\d+\s+comments?|comments?(?: \(\d+\))?|post (?:a )?comment.*|add (?:a )?comment.*|leave a (?:comment|reply)|"
    r"join the (?:conversation|discussion)|comentarios?|kommentare?|commentaires?|"
    r"комментари[йяи]|коментар[іи]|コメント|댓글|评论|評論|"
    r"(?:комментари[йяи]|коментар[іи]|コメント|댓글|评论|評論|commentaires?|kommentare?|comentarios?|réactions?)\s*[(（]?\d+[)）]?|"
    r"의견 ?남기기|댓글 ?(?:쓰기|달기)|コメントする|оставить комментарий|réagir|laisser un commentaire|kommentieren|"
    # Reply buttons, comment counters and "more comments" links in the other languages of the app.
    r"antworten|répondre|responder|rispondi|返信|回复|回覆|답글(?: ?달기)?|ตอบกลับ|ответить|відповісти|رد|الرد|"
    r"(?:commenti|comentários|留言|网友评论|網友評論|ความคิดเห็น|التعليقات|تعليقات|komentarze|yorumlar)\s*[(（]?\d*件?[)）]?|"
    r"(?:最新|熱門|热门|全部|看更多|查看更多|載入更多)留言|发表评论|發表評論|(?:コメント|댓글)(?:を書く| ?작성)|أضف تعليق(?:ك|ا)?|แสดงความคิดเห็น|"
    r"diskutieren sie mit|discutez|participez à la discussion|"
    r"weitere kommentare(?: laden| anzeigen)?|(?:voir|afficher) plus de (?:commentaires|réactions)|ver más comentarios|"
    r"carica altri commenti|carregar mais comentários|(?:查看|加载)更多评论|(?:查看|載入)更多留言|댓글 ?더보기|"
    r"показать (?:ещё|еще|все) комментарии|показати (?:більше|всі) коментарі|عرض (?:المزيد من )?التعليقات|ดูความคิดเห็นเพิ่มเติม|"
    r"(?:コメント|댓글|评论|評論|комментари[йяи]|коментар[іи]|commentaires?|kommentare?|comentarios?|réactions?)\s*[（(]\d+件?[)）])$",
    re.IGNORECASE,
)
# A short heading that opens a comment section: "[ 167 comments ]", "Top Rated Comments", "Reader comments (12)".
_COMMENT_HEADING = re.compile(
    r"^\W*(?:\d+\s+)?(?:(?:top[- ]rated|most (?:liked|popular)|reader'?s?'?|latest|newest|oldest|all|view all|show all|read all|see all)\s+)?"
    r"comments?\s*(?:\(\d+\)|\d+)?\W*$",
    re.IGNORECASE,
)
_SAYS_LINE = re.compile(r"^[\w .'-]{2,40}\s+(says|said|wrote|commented)\s*:?$", re.IGNORECASE)
_RELATIVE_TIME = re.compile(
    r"^(?:about\s+)?(?:\d+|an?|one)\s+(?:sec|second|min|minute|hour|hr|day|week|month|year)s?\s+ago"
    r"(?:\s+at\s+\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?)?$|^(?:just now|yesterday|today)(?:\s+at\s+\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?)?$",
    re.IGNORECASE,
)

# --- dates, bylines, credits ------------------------------------------------
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}\b|\b\d{{1,2}}\s+{_MONTH}\s+\d{{4}}\b|\b{_MONTH}\s+\d{{4}}\b|"
    r"\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b|\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b|\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?|IST|GMT|UTC|ET|EST|EDT|PT|BST|CET|JST)?\b|\b\d{1,2}h\d{2}\b|"
    r"\d{4}年\d{1,2}月\d{1,2}日|\b\d+\s+(?:min|minute|hour|day)s?\s+ago\b",
    re.IGNORECASE,
)
_DATE_LABEL = re.compile(
    r"^(?:first\s+)?(?:published|posted|updated|last updated|last modified|modified|date|dated|publié|veröffentlicht|publicado|diterbitkan|"
    # The same "published / updated" labels in the other languages of the app.
    r"mis à jour|actualisé|aktualisiert|stand|datum|actualizado|actualización|pubblicato|aggiornato|atualizado|"
    r"опубликовано|обновлено|опубліковано|оновлено|дата|نُشر|نشر|آخر تحديث|تاريخ النشر|تحديث|"
    r"เผยแพร่|อัปเดต|อัพเดท|ปรับปรุง|발행|입력|수정|등록|업데이트|公開|更新|配信|掲載|发布|發布|发表|發表|更新时间|更新時間)"
    r"(?![^\W\d_])\s*(?:on|at|le|am|el|il|em|в|о|في|于|於)?\s*[:：]?",
    re.IGNORECASE,
)
_READ_TIME = re.compile(
    r"\b\d+\s*(?:-\s*)?min(?:ute)?s?\s+read\b|\bread(?:ing)? time\b|^lecture\s*:?\s*\d+\s*min|^lesezeit\b|"
    r"^время чтения\b|^час (?:читання|прочитання)\b|^読了(?:時間|目安)|\d+分で読め|^읽는 ?시간|^阅读时间|^閱讀時間|^เวลาอ่าน",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?:by|from|written by|posted by|report(?:ed)? by|por|von|par|oleh|автор|текст)\s*:?\s+[A-Z\u00c0-\u024f\u0400-\u04ff][\w.'’-]+",
    re.IGNORECASE,
)
# A byline in a script without capitals ("بقلم: سارة العلي", "โดย สมชาย"), or a labelled author
# line or bio in any language of the app ("ผู้เขียน: …", "作者简介：…", "About the author").
_BYLINE_LABEL = re.compile(
    r"^[【\[(（]?\s*(?:بقلم|كتب|كتبت|ผู้เขียน|เขียนโดย|โดย|作者简介|作者簡介|作者介绍|作者介紹|筆者紹介|著者紹介|필자 ?소개|기자 ?소개|"
    r"about the author|à propos de l'auteur|über (?:den|die) autor(?:in)?|sobre (?:el|la|o|a) autor[a]?|sull'autore|об авторе|про автора|عن الكاتب|"
    r"เกี่ยวกับผู้เขียน)\s*[】\])）]?\s*[:：]?\s*\S",
    re.IGNORECASE,
)
# Korean/Japanese/Chinese bylines name the reporter before the title: "(서울=연합뉴스) 김민수 기자", "山田太郎記者".
_BYLINE_CJK = re.compile(
    r"^(?:[(（][^)）]{1,20}[)）]\s*)?(?:\w{1,10}\s*=\s*)?[\w·]{2,12}\s*(?:기자|특파원|記者|特派員|记者|編集委員)(?:\s*[\w.+-]+@[\w.-]+)?\s*=?$"
    # "【編輯:王小明】", "责任编辑：李明": the editor's credit under Chinese copy
    r"|^[【\[(（]?\s*(?:責任編輯|责任编辑|編輯|编辑|記者|记者|作者)\s*[:：]\s*[\w·、 ]{1,20}[】\])）]?$"
)
_COPYRIGHT = re.compile(
    r"©|\(c\)\s*\d{4}|^\(c\)\s*\S|\bcopyright\b|all rights reserved|todos los derechos|alle rechte|все права защищены|"
    # Reuse notices: "Any use of the materials requires a hyperlink", "Використання матеріалів дозволяється ...".
    r"(?:использование|использовании) материалов|використання матеріалів|гиперссылк\w* на|гіперпосилання на|"
    r"reproduction interdite|vervielfältigung nur|riproduzione riservata|prohibida (?:su|la) reproducción|"
    r"未经(?:书面)?授权|非經授權|禁止转载|不得轉載|無断転載|"
    r"всі права захищені|tous droits réservés|"
    r"無断転載|無断複製|著作権|무단\s?전재|무단\s?복제|版权所有|版權所有",
    re.IGNORECASE,
)
# Wire services and photo agencies: general newsroom vocabulary, not site names.
_WIRE = re.compile(
    r"\b(?:AP|AFP|Reuters|Associated Press|Agence France-Presse|Kyodo|Xinhua|PTI|IANS|ANI|UNI|dpa|EFE|ANSA|Yonhap|TASS|"
    r"RIA Novosti|Interfax|UPI|Bloomberg|Getty Images|Shutterstock|EPA|Alamy|Sputnik|Bernama|Antara|Anadolu|CNA|"
    r"共同通信|時事通信|聯合ニュース|연합뉴스|뉴시스|新华社|新華社|中新社|ТАСС|РИА Новости|Интерфакс|Укрінформ|УНІАН)\b"
)
# A caption's last words: the agency that took the photo, after the caption's sentence ("… 있다. 연합뉴스").
# (Not in brackets: "… said. (Reuters)" closes a wire story's last paragraph.)
# A video with its length ("Watch: How the telescope works 2:41"), a gallery with its count ("Bildergalerie: 6 Bilder",
# "图集：共8张"), a poll with its answers ("… in space science? Yes / No", "…？ はい／いいえ"): media items, in any words.
_MEDIA_ITEM = re.compile(
    r"^(?:\[[^\]]{1,8}\]\s*)?[^\d:：]{2,30}[:：｜|]\s*.{3,150}\s\d{1,2}:[0-5]\d$|"
    r"^\[[^\]]{1,8}\].{3,150}\s\d{1,2}:[0-5]\d$|"
    r"^[^\d:：]{2,24}[:：]\s*\D{0,2}(?:[2-9]|\d{2,3})\s*[^\W\d_]{1,8}$|^\[[^\]]{1,8}\][^.!?。]{2,80}(?:[2-9]|\d{2,3})\s*[^\W\d_]{1,3}$|"
    r"[?？؟]\s*[^\s/／?？]{1,12}\s*[/／]\s*[^\s/／]{1,12}$"
)
# Or in brackets after a caption with no full stop ("Passengers wait at the station (Ansa)").
_CAPTION_AGENCY_END = re.compile(
    rf"[.!?。]\s+{_WIRE.pattern}\s*$|[^\s.!?。]\s+[(（]\s*(?:{_WIRE.pattern}|[A-Z][a-z]{{2,5}})\s*[)）]\s*$"
)
_CAPTION = re.compile(  # word alternatives behind (?<!\w), as for _PROMO below (2x faster on prose)
    r"(?<!\w)(?:\b(?:photo(?:graph)?s?|image|picture|pictured|pic|credit|courtesy|illustration|illustrative|file photo|"
    r"foto|bild|imagen|gambar)\s*(?:by|via|credit|:|\||/)|"
    r"\b(?:photo|image|picture)\s+(?:via|from|courtesy)\b|\bфото\s*[:|/]|\bGetty Images\b|\bShutterstock\b|\bfile photo\b)|"
    r"\((?:photo|image|file|credit)\b[^)]{0,200}\)|(?:写真|사진|图片|圖片)\s*[:：=]|\| ?(?:photo|image|credit)\b|"
    r"\bvia Getty\b|\b[A-Z]{2,}(?:[ .'-][A-Z]{2,})*/(?:AFP|AP|EPA|Reuters|Getty|Yonhap|Kyodo|POOL|Sputnik|TASS)\b|"
    r"\[(?:SCREEN CAPTURE|YONHAP|NEWS1|NEWSIS|JOONGANG ILBO|AP|AFP|REUTERS|EPA|PHOTO)\]\s*$|"
    r"^(?:джерело|источник|quelle|source)\s*:\s*\S.{0,60}$|"
    # Photo credits in the other languages of the app: "Crédit photo :", "Bildquelle:", "Foto: X",
    # "（图片来源：…）", "图/新华社", "写真提供：", "【写真】", "사진 제공", "ภาพ: …", "ภาพจาก".
    r"\b(?:crédits? photos?|bildquelle|fotoquelle|créditos?|crédito de (?:la )?imagen)\s*[:：]|"
    r"(?:图片|圖片|照片)(?:来源|來源)|(?<![\u4e00-\u9fff])[图圖]\s*[/／|]\s*\S|写真(?:提供|撮影)|【写真】|（写真）|사진\s*(?:제공|출처)|\[사진[^\]]{0,40}\]|"
    r"^ภาพ\s*[:：]|ภาพจาก|ภาพประกอบ|ขอบคุณ(?:ภาพ|ข้อมูล)|เครดิตภาพ|ที่มาภาพ|^ที่มา\s*[:：]|^แหล่งข่าว\s*[:：]|"
    # "Image caption, X" (a caption's label read aloud), "写真はイメージです" (the photo is illustrative), "この記事の写真を見る" (a line's end only: "写真を見ると" opens a sentence).
    r"^image (?:caption|source)\s*[,:]|^ภาพโดย|"
    # Agency photo credits of Japanese and Chinese pages: "（ＡＦＰ時事）", "＝ロイター", "新华社记者 王明 摄", "（新华社发）", "来源：央视新闻".
    r"^[（(][^（）()]{0,12}(?:時事|共同|ロイター|ＡＦＰ|AFP|ＥＰＡ|EPA|ＡＰ|AP|聯合|新華社)[）)]$|^＝(?:ロイター|ＡＦＰ|AFP|共同|時事|ＡＰ|AP|ＥＰＡ|EPA)|"
    # An agency credit closing a caption ("…（29日、鹿児島市で）＝共同", "… 있다. 연합뉴스"), "ภาพ: …" inside a line,
    # and the photo credits of Arabic pages ("تصوير: …", "الصورة: …").
    r"＝\s*(?:共同|時事|ロイター|ＡＦＰ|AFP|ＡＰ|AP|ＥＰＡ|EPA|聯合|新華社|ゲッティ)\S{0,8}$|(?:^|[\s(（])ภาพ\s*[:：]|"
    # An agency's photo credit in brackets with "=" ("[로이터=연합뉴스]", "[사진=뉴스1]") closing a caption.
    r"\[[^\]=]{1,20}=[^\]]{1,20}\]\s*$|"
    # "Credit... Name", an agency/photographer credit glued with a slash ("LP/Jean Dupont"), "…＝8日、東京都内".
    r"\bcredit\.\.\.|＝\d{1,2}日|"
    r"(?:^|\s)(?:تصوير|الصورة|صورة|المصدر)\s*[:：]|"
    r"(?:记者|記者)\s*\S{1,12}\s*[摄攝]\s*$|"
    # A photographer's credit closing a caption ("…、佐藤次郎撮影", "…（記者吳家豪攝）", "示例社发 张强 摄"), a file-photo label,
    # a credit after a slash ("… en una imagen de archivo. / EFE", "LOIC VENANCE / AFP") or in brackets after the caption ("(Ansa)", "(أرشيفية)").
    r"(?:撮影|[摄攝])\s*[)）]?\s*$|^(?:资料图|資料圖|资料照片|資料照片|图为|圖為|档案照|檔案照)\s*[:：]|"
    r"(?-i:\S\s+[/／]\s*[A-ZÀ-Þ][\w.'’-]*(?:\s+[A-ZÀ-Þ][\w.'’-]*){0,3}$)|"
    r"[.。]\s*[(（](?:أرشيفية|صورة أرشيفية|archive|file|archivo|archivio|arquivo|archiv|資料照片|资料图|資料圖|資料写真)[)）]\s*$|^[（(][^（）()]{1,20}[发發][）)]$|^(?:来源|來源|出典|출처)\s*[:：]|(?:写真|画像)はイメージ|(?:写真|画像)(?:を見る|一覧)[】)）]?$|^(?:фото|світлина)\s*[:：]",
    re.IGNORECASE,
)

# An agency/photographer credit glued with a slash closing a line ("… à Paris. LP/Jean Dupont",
# "REUTERS/Kim Hong-Ji"): a credit only alone on its line or after a sentence-case caption, so a
# title-case headline ending "… for AI/Machine Learning" is no caption.
_SLASH_CREDIT = re.compile(r"(?<![\w/.])[A-Z]{2,}/[A-ZÀ-Þ][\w'’-]+(?:\s+[A-ZÀ-Þ][\w'’-]+){0,2}$")
_CASED_WORD = re.compile(r"[^\W\d_]{4,}")


def _slash_credit(text: str) -> bool:
    match = _SLASH_CREDIT.search(text)
    if not match:
        return False
    before = _CASED_WORD.findall(text[: match.start()])[1:]  # the caption's first word is capitalised anyway
    capitalised = sum(word[:1].isupper() for word in before)
    return not text[: match.start()].strip() or capitalised < len(before) - capitalised


# --- promo, appeal, related, navigation, disclaimer lexicons ----------------
# (?<!\w) in front of the word alternatives lets the regex engine skip positions inside
# words at once (7x faster on prose lines than trying every alternative at each position).
_PROMO = re.compile(
    r"(?<!\w)(?:\bsubscri(?:be|bed|ption|ber)s?\b|\bsigning up\b|\binbox\b|\bnewsletters?\b|\bsign up\b|\bsign in\b|\blog ?in\b|\bregister\b|\bfree trial\b|"
    r"\bpremium\b|\bad-free\b|\bunlimited access\b|\bdownload (?:our|the) app\b|\bper month\b|"
    r"\bsave \d+%|\bcancel anytime\b|\brenews automatically\b|\bexclusive (?:offer|access)\b|\bcomplimentary\b|"
    r"\bget (?:the )?(?:latest|best)\b.{0,200}\binbox\b|\bdelivered to your inbox\b|\bfollow us\b|\bjoin (?:now|today)\b|"
    r"\btry (?:our|it)\b|\bclick here\b|\bcookies?\b|\bprivacy policy\b|\bterms (?:of|and) (?:use|service|conditions)\b|"
    r"\badvertis(?:e|ement|ing)\b|\bsponsored\b|\bpromoted\b|\bpartner content\b|\bstory continues below\b|"
    r"\bTelegram-канал\w*|\bв Telegram\b|\bподписывайтесь\b|\bпідписуйтесь\b|\babonnieren\b|\babonnez-vous\b|"
    # Follow, sign-up and app prompts in the other languages of the app.
    r"\bподпишитесь\b|\bпідпишіться\b|\bfolgen sie uns\b|\bsuivez-nous\b|\binscrivez-vous\b|\bnotre newsletter\b|"
    r"\bunseren? newsletter\b|\bjetzt (?:abonnieren|anmelden|registrieren)\b|\bsiga-nos\b|\binscreva-se\b|"
    r"\biscriviti\b|\bseguici\b|\bikuti kami\b|\bberlangganan\b|\bunduh aplikasi\b|\btélécharge[rz] (?:l'|notre )appli)|/mo(?:nth)?\b|"
    r"メルマガ|メールマガジン|(?:を|で)フォロー|アプリ(?:を|で)ダウンロード|뉴스레터|구독하세요|팔로우하세요|앱 ?다운로드|"
    r"关注我们|關注我們|点击关注|點擊關注|订阅我们|訂閱我們|扫码(?:关注|下载)|扫一扫|微信公众号|微信公眾號|下载(?:客户端|APP)|ติดตามเรา|กดติดตาม|สมัครสมาชิก|ดาวน์โหลดแอป|"
    r"จดหมายข่าว|ติดตามข่าวสาร|ติดตามข่าว.{0,20}ได้ที่|ติดตามได้ที่|กดไลก์|กดแชร์|채널 추가|카카오톡 채널|이 기사를 공유|기사 공유하기|"
    # Paywall and "continue reading" notices: "Article réservé aux abonnés", "会員限定", "続きを読む", "阅读全文".
    r"réservé aux abonnés|cet article vous est offert|nur für abonnenten|exklusiv für abonnenten|só para assinantes|"
    r"会員限定|続きを読む|続きが読め|阅读全文|展开全文|閱讀全文|구독자 전용|"
    # Metered-paywall counters, app and QR prompts, error-report and correction buttons.
    r"\byou(?:'ve| have) read \d+ (?:free )?articles?\b|\bvous avez lu \d+ articles?\b|\bsie haben \d+ (?:kostenlose )?artikel\b|"
    r"二维码|二維碼|打开(?:APP|客户端)|打開(?:APP|客戶端)|【纠错】|【糾錯】|\bctrl\s*\+\s*enter\b|"
    # Paywall notices in unspaced scripts (no word boundary before them).
    r"有料記事|有料会員|残り\d+文字|全文\d+文字|読み放題|유료 ?기사|구독하기|"
    # Newsletter boxes, e-mail fields, subscription offers and follow prompts in the other languages of the app.
    # (Words that are also everyday prose, "boletín" of a ministry, "abbonati" = subscribers, are only taken in a pitch's phrasing.)
    r"(?<!\w)(?:nuestro boletín\b|boletín gratuito\b|apúntate\b|النشرة البريدية|نشرتنا|"
    r"(?:enter )?your e-?mail(?: address)?\b|e-?mail address\b|adresse e-?mail|e-mail-adresse|correo electrónico|indirizzo e-?mail|"
    r"endereço de e-?mail|البريد الإلكتروني|suscr[ií]b(?:ete|ase)\b|abbonati (?:ora|subito|a \d)|"
    r"assine (?:já|agora|por|a partir)\b|оформите подписку\b|оформіть передплату\b|اشترك الآن|digitalabo\b|probeabo\b|"
    r"síguenos\b|segue-nos\b|تابعونا|تابعنا|monatlich kündbar\b|читайте нас\b|join our\b|whatsapp channel\b|"
    r"(?:got|have) a (?:news )?tip\b|email us\b|no thanks\b|تطبيقنا)|"
    r"ニュースレター|电子报|電子報|每日简报|メールアドレス|邮箱地址|電子郵件|이메일 주소|ที่อยู่อีเมล|订阅(?:会员|電子报|本)|"
    r"訂閱(?:會員|電子報|本)|开通会员|開通會員|구독을 시작|初月無料|点击进入专题|點我下載|下載APP|下载APP|加入好友|"
    r"(?:この記事|記事)の続き|キャンペーン|この記事を書いた人|제보는|제보하기|爆料|新闻线索|線索",
    re.IGNORECASE,
)
_APPEAL = re.compile(
    r"(?<!\w)(?:\bdonat(?:e|ion|ions)\b|\bpatron\b|\bpatreon\b|\bsupport (?:us|our|independent|journalism)\b|\bbecome a (?:member|supporter|patron)\b|"
    r"\bhelp us\b|\bmembership\b|\bcontribut(?:e|ion)\b.{0,200}\b(?:journalism|reporting|us)\b|\bsupport of readers\b|"
    r"\breaders like you\b|\bcup of coffee\b|\bkeep (?:our|this) (?:reporting|journalism)\b|\bfree and open\b|"
    # Donation buttons, and a plea to support the newsroom's journalism, in the other languages of the app.
    r"\bfaire un don\b|\bjetzt (?:spenden|unterstützen)\b|\bunterstützen sie uns\b|\bfreiwilligen beitrag\b|\bhaz(?:te)? (?:una donación|socio)\b|"
    r"\bfai una donazione\b|\bdona ora\b|\bfaça uma doação\b|\bdoe agora\b|\bсделайте пожертвование\b|\bзробіть внесок\b|"
    r"\b(?:support|soutenez|soutenir|unterstützen|apoya|apoyo|sostieni|sostenere|apoie|поддержите|підтримайте)\b.{0,60}"
    r"\b(?:journalism\w*|journalisme|journalismus|periodismo|giornalismo|jornalismo|журналистик\w*|журналістик\w*|rédaction|redaktion|redacción|redazione)\b|"
    r"\b(?:periodismo|giornalismo|jornalismo|journalisme|journalismus)\b.{0,60}\b(?:tu apoyo|il tuo sostegno|seu apoio|votre soutien|ihre unterstützung)\b)|"
    # (Not the bare words for "donate", "บริจาค", "捐款", "寄付": disaster news reports donations.)
    r"ادعم|تبرع الآن|تبرّع الآن|บริจาคเพื่อ(?:สนับสนุน|ให้เรา)|สนับสนุนสื่อ|후원(?:하기|해 주세요)|打赏|打賞|寄付のお願い|支持(?:我们|我們|優質|独立)",
    re.IGNORECASE,
)
_RELATED = re.compile(
    r"^(?:related(?: articles| stories| posts| news| content| coverage| reading| topics| videos)?|read more|read also|also read|"
    r"see also|more (?:from|on|in|stories|news|like this)\b.*|you (?:may|might) (?:also )?(?:like|be interested in|have missed)|"
    r"recommended(?: for you| stories| reading)?|most (?:read|popular|viewed|shared)|trending(?: now| stories)?|popular news|more about|"
    r"top stories|latest (?:news|stories)|editor'?s? picks?|what to read next|up next|next story|previous story|"
    r"more stories|further reading|popular (?:now|stories)|recent posts|in (?:other|case you missed)\b.*|"
    r"leia (?:também|mais)|baca juga|lihat juga|lee también|(?:à |a )?lire aussi|lire également|sur le même sujet|à voir aussi|"
    r"mehr zum thema|weitere artikel|das könnte sie auch interessieren|auch interessant|lesen sie auch|meistgelesen|"
    r"meistgelesene artikel|les plus lus|voir aussi|à découvrir aussi|leggi anche|potrebbe interessarti|i più letti|"
    r"mais lidas|veja também|berita terkait|terpopuler|artikel terkait|"
    r"найпопулярніше|популярне|більше новин|"
    r"читайте (?:также|тоже)|читайте також|также читайте|см\. также|смотрите также|по теме|новости по теме|(?:ещё|еще) по теме|"
    r"самое (?:читаемое|популярное)|популярное|главное за день|новости партн[её]ров|новини партнерів|"
    r"関連記事|関連ニュース|おすすめ(?:記事)?|人気(?:記事|ニュース)(?:ランキング)?|(?:アクセス)?ランキング|注目(?:記事|ニュース)|最新ニュース|あわせて読みたい|"
    r"관련 ?기사|관련 ?뉴스|많이 본 (?:뉴스|기사)|인기 ?(?:기사|뉴스)|주요 ?뉴스|최신 ?뉴스|추천 ?기사|"
    r"相关(?:新闻|阅读|报道)|相關(?:新聞|閱讀|報導)|热门(?:新闻|文章)|熱門(?:新聞|文章)|推荐阅读|延伸阅读|延伸閱讀|更多新闻|"
    r"ข่าวที่เกี่ยวข้อง|ข่าวล่าสุด|ข่าวยอดนิยม|อ่านเพิ่มเติม|อ่านต่อ|ข่าวแนะนำ|บทความที่เกี่ยวข้อง|เรื่องที่เกี่ยวข้อง|ข่าวเด่น|ข่าวอื่นๆ|"
    r"noticias relacionadas|lo más (?:leído|visto)|articoli correlati|notizie correlate|notícias relacionadas|matérias relacionadas|"
    r"новини за темою|читайте також|أخبار ذات صلة|مواضيع ذات صلة|مقالات ذات صلة|الأكثر قراءة|الأكثر مشاهدة|اقرأ أيضا|اقرأ أيضاً|"
    r"مواضيع قد تهمك|قد يهمك أيضا|قد يعجبك أيضا|今日熱門|24小时热榜|热榜|最新ニュース|実時間|실시간 인기 ?기사|이 기자의 다른 기사|"
    r"материалы по теме|популярн(?:ое|і новини)|більше новин на тему|most popular|around the web|more on this story|ti potrebbe interessare(?: anche)?|"
    r"i più visti|nos lecteurs ont lu ensuite|mais lidas|veja também|lo más visto|don'?t miss|must read|"
    r"موصى به لك|الأكثر تداولا|recommended by|empfohlen von|recommandé par|recomendado por|рекомендуем|为你推荐|おすすめ情報|추천 ?기사|"
    r"(?:les )?articles similaires|recommended stories|ข่าวที่น่าสนใจ|แท็กที่เกี่ยวข้อง|ข่าว\S{0,20}ยอดนิยม|останні новини|последние новости|"
    r"artikel zum thema|mehr aus dem ressort|our coverage of\b.{0,40}|ces articles peuvent vous intéresser|推薦閱讀|"
    r"更多\S{0,4}(?:新聞|新闻)|nos newsletters|explore our newsletters)\s*[:：]?$",
    re.IGNORECASE,
)
# One related link on a line of its own, in the app's languages: "Read more: X", "À lire aussi : X",
# "Lesen Sie auch: X", "Читайте также: X", "【関連記事】X", "▶ 관련기사: X", "相关阅读：X", "อ่านเพิ่มเติม : X".
_RELATED_INLINE_WORDS = (
    r"related|read more|read also|also read|see also|must read|baca juga|lihat juga|leia também|leia mais|veja também|"
    r"lee también|lea también|(?:à |a )?lire aussi|lire également|voir aussi|lesen sie (?:auch|mehr)|mehr zum thema|auch interessant|"
    r"leggi anche|читайте (?:также|тоже|також)|також читайте|см\. также|関連記事|関連ニュース|あわせて読みたい|"
    r"관련 ?기사|관련 ?뉴스|함께 (?:보면 좋은|읽으면 좋은) 기사|相关(?:阅读|新闻|报道)|相關(?:閱讀|新聞|報導)|延伸阅读|延伸閱讀|推荐阅读|"
    r"อ่านข่าวที่เกี่ยวข้อง|อ่านเพิ่มเติม|อ่านต่อ|ข่าวที่เกี่ยวข้อง|اقرأ أيضا|اقرأ أيضاً|اقرأ المزيد|طالع أيضا|طالع أيضاً|lee también|leia mais|"
    r"más información|zum weiterlesen|weiterlesen|看更多|更多新聞|更多新闻|延伸閱讀|(?:관련|추천) ?기사|"
    r"more from|watch|ver también|ver mais|guarda anche|อ่านข่าวต้นฉบับ"
)
_RELATED_INLINE = re.compile(
    rf"^[▶►•·*»›\s]*(?:(?:{_RELATED_INLINE_WORDS})\s*[:：|｜]|[【\[](?:{_RELATED_INLINE_WORDS})[】\]])\s*\S|"
    # Any label in 【】 opening a line that is not a sentence: "【もっと知りたい】インフルエンザの治療薬、どう選ぶ".
    r"^【[^】]{1,12}】(?!.*[。．.]$)\S|^อ่านข่าวต้นฉบับ",
    re.IGNORECASE
)
# The same, without the bare 【label】 form: a headline right above its date lines may open with a
# kicker in 【】 ("【速報】…", "【独自】…"), which there labels the headline, not another story's link.
_RELATED_NAMED = re.compile(
    rf"^[▶►•·*»›\s]*(?:(?:{_RELATED_INLINE_WORDS})\s*[:：|｜]|[【\[](?:{_RELATED_INLINE_WORDS})[】\]])\s*\S|^อ่านข่าวต้นฉบับ",
    re.IGNORECASE,
)
_NAV_LINE = re.compile(
    r"^(?:home|menu|search|share|share this(?: article| story)?|tweet|pin|email|e-mail|print|save|copy link|close|open|"
    r"skip to (?:main )?content|back to top|next|previous|prev|more|show more|see more|load more|view more|"
    r"tags?|topics?|hashtags|categories|sections?|filed under|tagged|keywords?|related tags|"
    r"facebook|twitter|x|linkedin|whatsapp|reddit|telegram|instagram|youtube|pinterest|flipboard|"
    r"log ?in|log ?out|sign in|sign up|register|subscribe|account|my account|profile|contact(?: us)?|about(?: us)?|"
    r"careers?|advertise(?: with us)?|sitemap|rss|feedback|faq|help|terms(?: of (?:use|service))?|privacy(?: policy)?|"
    r"cookie (?:policy|settings)|accessibility|live tv|watch live|listen|video|videos|photos|gallery|podcasts?|"
    r"news|world|business|sports?|politics|opinion|entertainment|lifestyle|technology|tech|science|health|travel|"
    r"weather|markets?|economy|culture|arts|food|style|local|national|international|breaking(?: news)?|latest|"
    r"trending|top|english|español|français|deutsch|italiano|português|हिंदी|日本語|中文|한국어|"
    # The same menu/share labels in Russian/Ukrainian, Japanese, Korean and Chinese.
    r"главная|новости|политика|экономика|общество|в мире|мир|спорт|культура|наука|технологии|происшествия|видео|фото|"
    r"войти|выйти|регистрация|подписаться|поиск|меню|поделиться|поділитися|головна|новини|все новости|"
    r"ホーム|トップ|ニュース|政治|経済|国際|社会|スポーツ|エンタメ|科学|地域|天気|動画|ログイン|ログアウト|会員登録|検索|メニュー|"
    r"シェア|シェアする|この記事を(?:シェア|共有)する|ポスト|ツイート|共有|共有する|印刷|ブックマーク|もっと見る|一覧|メインコンテンツへ移動|本文へ移動|トップへ戻る|"
    r"홈|전체 ?메뉴|메뉴|뉴스|정치|경제|사회|국제|문화|스포츠|연예|로그인|로그아웃|회원가입|구독|검색|공유(?:하기)?|스크랩|인쇄|"
    r"글자 ?크기|카카오톡|페이스북|트위터|首页|新闻|国际|政治|经济|社会|体育|登录|注册|分享|搜索|打印|"
    r"teilen|artikel teilen|partager|partager cet article|поширити|แชร์|"
    # The label over an ad slot, in the languages of the dev pages and their neighbours.
    # (with what a slot prints after the label: "Anzeige - Weiterlesen nach der Anzeige", "Реклама. Продолжение ниже")
    r"(?:advertisement|advertising|ads?|sponsored(?: content)?|anzeige|werbung|publicité|publicidad|publicidade|"
    r"pubblicità|advertentie|annons|reklam|reklama|реклама|iklan|広告|광고|广告|廣告|โฆษณา|إعلان|اعلان)(?:(?:\s+[-–—|·]|\s*[.:])\s+[^.!?]{3,60})?|"
    r"広告の下に(?:記事が)?続きます|"
    # "The article goes on below the ad", image-enlarge and share-this buttons, reaction prompts.
    r"continue reading the main story|article continues (?:below|after)(?: this)?(?: ad(?:vertisement)?)?|"
    r"(?:lesen sie )?(?:mehr|weiter) nach der (?:werbung|anzeige)|la suite après (?:cette|la) publicité|"
    r"el artículo continúa (?:debajo|tras la publicidad)|l'articolo continua (?:sotto|dopo la pubblicità)|"
    r"bild vergrößern|enlarge (?:this )?image|agrandir l'image|ampliar (?:la )?imagen|ingrandisci|"
    r"artikel teilen(?: per)?|teilen per|แชร์ข่าวนี้|แชร์บทความนี้|看完這篇文章覺得|看完这篇文章觉得|"
    r"l'essentiel de l'actu(?:alité)?|vous avez repéré une erreur.{0,30}|この記事の感想をお聞かせください|役に立った|"
    r"分享到|分享至|lire la suite|weiterlesen|continue reading|"
    # Audio, save, text-size, paging and back-to-home buttons in the app's languages.
    r"listen to (?:this )?(?:article|story)|écouter (?:cet |l')article|(?:artikel|beitrag) (?:anhören|vorlesen)|"
    r"прослушать (?:статью|новость)|послухати (?:статтю|новину)|記事を(?:読み上げる|聞く|保存(?:する)?)|기사 ?(?:듣기|저장|스크랩)|"
    r"收听本文|听新闻|ฟังข่าว|save (?:this )?article|sauvegarder|merken|сохранить|저장|글자 ?크기(?: 설정)?|文字サイズ|字号|"
    r"(?:次|前)のページ(?:へ)?|page (?:suivante|précédente)|(?:nächste|vorherige) seite|следующая страница|下一页|上一页|"
    r"zur startseite|retour à l'accueil|トップページへ|на главную|返回首页|홈으로|กลับหน้าแรก|แท็ก|"
    # "Copy link" buttons, and the "skip to content" link, in the other languages of the app.
    r"copier le lien|link kopieren|copiar (?:el )?enlace|copia (?:il )?link|copiar (?:o )?link|リンクをコピー|复制链接|複製連結|링크 ?복사|"
    r"คัดลอกลิงก์|скопировать ссылку|скопіювати посилання|نسخ الرابط|aller au contenu(?: principal)?|zum inhalt springen|ir al contenido|"
    r"vai al contenuto|ir para o conteúdo|перейти к (?:содержанию|основному содержанию)|перейти до (?:основного )?вмісту|"
    r"انتقل إلى المحتوى|ข้ามไปที่เนื้อหา|본문 ?바로가기|跳到(?:正文|主要內容|主要内容)|"
    # Video players' labels and the heading of a key-points box.
    r"play video|watch video|video abspielen|lire la vidéo|смотреть видео|дивитися відео|動画を再生|영상 재생|播放视频|"
    r"视频加载中\.*|คลิปวิดีโอ|key points|key takeaways|l'essentiel|das wichtigste(?: in kürze)?|главное|головне|"
    r"ポイント|要点|核心要点|핵심 ?요약|ประเด็นสำคัญ|"
    # Print, save, font-size and ad labels of the other scripts of the app.
    r"字号|字號|字級|字级|字体|打印本页|列印|保存|印刷する|حفظ|طباعة|إعلان|اعلان|إعلانات|(?:الكلمات|كلمات) (?:المفتاحية|مفتاحية)|"
    r"字号\s*[:：].{0,12}|字級\s*[:：].{0,12}|（完）|\(完\)|【完】|"
    r"動画\s*\d+分\d+秒|(?:この記事の)?(?:画像|写真)\s*[（(]\d+枚[)）])\s*[:：»›>|]*$",
    re.IGNORECASE,
)
_LABEL_PREFIX = re.compile(
    r"^(?:tags?|topics?|filed under|categories|keywords|hashtags|теги|тэги|мітки|теґи|schlagw(?:ö|o)rte?r?|"
    r"mots-clés|étiquettes|タグ|태그|키워드|标签|標籤|关键词|"
    r"etiquetas?|temas|argomenti|parole chiave|assuntos|palavras-chave|темы|теми|ключевые слова|ключові слова|"
    r"الوسوم|وسوم|الكلمات المفتاحية|แท็ก|คำค้น|キーワード|關鍵字|关键字|주제어)\s*[:：]"
    # A row of hashtags alone: "#폭설 #강원 #교통통제".
    r"|^(?:#[^\W_][\w-]*\s*){2,}$",
    re.IGNORECASE,
)
_DISCLAIMER = re.compile(
    r"(?<!\w)(?:\bdisclaimer\b|\bAI[- ]generated\b|\bgenerated by (?:AI|artificial intelligence)\b|\bauto-generated\b|\bsyndicated feed\b|"
    r"\bviews expressed\b|\bdo(?:es)? not necessarily reflect\b|\bnot (?:been )?edited by\b|\bthis (?:article|story|content) (?:was|has been|is)\b.{0,200}\b(?:generated|updated|corrected|published|produced)\b|"
    r"\bmay have been reworked\b|\bsyndicated\b|\baffiliate (?:links?|commission)\b|\bwe may earn\b|\bfor informational purposes\b|"
    r"\bnot (?:financial|investment|legal|medical) advice\b|\breworked by\b|\brest of the content\b|\bappears in print\b|"
    # Machine-written or machine-summarised notices in the other languages of the app.
    r"\bmit (?:hilfe (?:von|einer) )?KI (?:erstellt|generiert|übersetzt|zusammengefasst)|\bKI-generiert|"
    r"\bgénérée? (?:par|avec) (?:l'|une )?(?:IA|intelligence artificielle)\b|\bavec l'aide de l'(?:IA|intelligence artificielle)\b|"
    r"\bсгенерирован\w* (?:с помощью )?(?:ИИ|нейросет\w*)|\bзгенерован\w* (?:за допомогою )?(?:ШІ|нейромереж\w*)|"
    r"\bgerad[oa] (?:por|com) (?:IA|inteligência artificial)\b|\bgenerat[oa] (?:con|dall')(?:IA|intelligenza artificiale)\b)|"
    r"AI\s*요약|AI가 (?:요약|생성|작성)|สร้างโดย AI|สรุปโดย AI",
    re.IGNORECASE,
)
# CJK notices ("本コンテンツはAIが...要約"): the machine-summary words, in either order.
_AI_TERM = (
    r"(?:(?<![^\W\d_])(?-i:AI|IA|KI|ИИ|ШІ)(?![^\W\d_])|(?<!\w)(?:artificial intelligence|intelligence artificielle|künstliche[rn]? intelligenz|"
    r"inteligencia artificial|intelligenza artificiale|inteligência artificial|искусственн\w* интеллект\w*|штучн\w* інтелект\w*|"
    # "generated automatically", "prepared by a neural network"
    r"automatic(?:ally)?|automatisch|automatiquement|automáticamente|automaticamente|автоматически|нейросет\w*|нейромереж\w*|"
    r"الذكاء الاصطناعي|تلقائي(?:ا|ًا)?)|人工知能|人工智能|인공지능|ปัญญาประดิษฐ์|自動(?:生成|作成)|自动生成|자동 ?생성|สร้างอัตโนมัติ)"
)
# A summary, key points or a translation of the page itself.
_SUMMARY_TERM = (
    r"(?:summar\w*|key points|résumé|synthèse|zusammenfassung|zusammengefasst|resumen|resumid\w*|riassunt\w*|resumo|"
    r"краткое содержание|короткий зміст|пересказ|要約|要点|摘要|요약|สรุป|ملخص|تلخيص|translat\w*|tradu\w+|übersetz\w*|перевед\w*|翻訳|翻译|翻譯|번역|"
    r"(?<!\w)(?:generated|généré\w*|generad[oa]|generat[oa]|erstellt|以下内容由)(?!\w))"
)
_HELP_OF = (
    r"(?:with the help of|with the assistance of|avec l'aide d[e']|à l'aide d[e']|mit hilfe|con (?:la )?ayuda de|con l'aiuto d|"
    r"com (?:a )?ajuda d|с помощью|за допомогою|بمساعدة|بواسطة)\s*(?:an?|une?|einer?|la|l'|el|il|uma?)?\s*"
)
_DISCLAIMER_STRICT = re.compile(r"(?:AI|人工知能|人工智能).{0,40}(?:要約|生成|分析|摘要)|(?:要約|生成|摘要).{0,40}AI")
# A notice that a machine summarised or translated the page: an AI word next to a summary word
# (or "with the help of AI"), in a line that also names the page or its editors, so that
# reporting about AI tools ("the AI summarises documents") is not read as one.
_MACHINE_NOTICE = re.compile(
    rf"{_AI_TERM}.{{0,60}}{_SUMMARY_TERM}|{_SUMMARY_TERM}.{{0,60}}{_AI_TERM}|{_HELP_OF}{_AI_TERM}", re.IGNORECASE
)
_AI_ONLY = re.compile(_AI_TERM, re.IGNORECASE)  # a cheap first test: most lines name no machine
_SELF_REFERENCE = re.compile(
    r"(?<!\w)(?:this (?:article|story|text|summary|page)|our (?:editors|journalists|newsroom)|edit(?:ors?|orial)|reviewed|checked|verified|"
    r"cet article|ce résumé|ce texte|cette synthèse|rédaction|vérifié|dieser artikel|diese zusammenfassung|redaktion|geprüft|"
    r"este (?:artículo|resumen|texto)|redacción|revisad[oa]|questo (?:articolo|riassunto|testo)|redazione|verificat[oa]|"
    r"este (?:texto|resumo|artigo)|redação|статьи|редакци\w*|провер\w*|статті|редакці\w*|перевір\w*)(?!\w)|"
    r"本文|本記事|この記事|編集部|编辑|編輯|审核|審閱|審核|기사|편집|검토|ข่าว|บรรณาธิการ|ตรวจสอบ|المقال|هذا الملخص|التحرير|مراجعت",
    re.IGNORECASE,
)


def _is_notice(text: str) -> bool:
    """A disclaimer: a notice about how the text was produced, corrected, or whose views it holds."""
    if _DISCLAIMER_STRICT.search(text) or _DISCLAIMER.search(text) or _CORRECTION.search(text):
        return True
    # A short line (a box's heading: "Résumé généré automatiquement :") needs no reference to the page.
    heading = word_count(text) <= 10 and not text.rstrip().endswith((".", "。", "!", "?"))
    return bool(_AI_ONLY.search(text) and _MACHINE_NOTICE.search(text) and (_SELF_REFERENCE.search(text) or heading))
# A correction or editor's note about the page itself: "Correction:", "Rectificatif :", "訂正：",
# "An earlier version of this article ...", in the languages of the app.
_CORRECTION = re.compile(
    r"^[【\[(（]?\s*(?:corrections?|clarification|editor'?s note|rectificatif|erratum|correctif|précision|korrektur|berichtigung|"
    r"richtigstellung|anmerkung der redaktion|fe de errores|corrección|aclaración|nota de la redacción|errata corrige|rettifica|"
    r"correzione|nota della redazione|correção|errata|nota da redação|исправление|поправка|уточнение|от редакции|виправлення|"
    r"уточнення|від редакції|訂正|おわび|更正(?:啟事|启事)?|勘误|勘誤|編者按|编者按|정정(?:보도)?|바로잡습니다|แก้ไข|تصحيح|توضيح)"
    r"\s*[】\])）]?\s*[:：]"
    r"|(?<!\w)(?:\b(?:an? (?:earlier|previous) version of this (?:article|story|report)|this (?:article|story) (?:was|has been) (?:amended|corrected))\b"
    r"|\b(?:une|la) version (?:précédente|antérieure) de (?:cet|cette|l')\s*(?:article|texte)"
    r"|\b(?:einer|der) (?:früheren|vorherigen|ersten) (?:version|fassung) (?:dieses|des) (?:artikels|beitrags|textes)"
    r"|\buna versión anterior de (?:este|esta) (?:artículo|noticia|texto|información)"
    r"|\b(?:una|nella) (?:precedente|prima) versione (?:dell'articolo|di questo articolo)"
    r"|\b(?:uma|a) versão anterior (?:deste|desta) (?:texto|reportagem|matéria|artigo|notícia)"
    r"|\b(?:первоначальной|предыдущей) версии (?:статьи|материала|новости|текста)"
    r"|\b(?:попередній|першій) версії (?:статті|матеріалу|новини|тексту)"
    r"|نسخة سابقة من هذ[اه])|ฉบับก่อนหน้า|이전 기사에서|앞서 이 기사|本文(?:此前|先前)|此前版本|先前版本",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"[|•·»›▶►◆■→]")
_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]{2,30}$")  # "TOKYO", "NEW DELHI"


def words(line: str) -> list[str]:
    return _WORD.findall(line)


def word_count(line: str) -> int:
    """Number of words of a line, script-aware: Japanese/Chinese text has no spaces, so
    there every two characters count as one word (news Japanese averages ~1.5-2.5
    characters per word), and Thai every four code points (a Thai word is ~4-5 letters
    and marks); elsewhere, runs of word characters. This keeps "short line",
    "long paragraph" and headline-length rules meaning the same in every script."""
    return _aware_word_count(line, None)


# Thai spells a word in ~4-5 code points (letters plus vowel and tone marks), kana/Han in ~2.
_THAI_CHAR = re.compile(r"[\u0e00-\u0e7f]")
_THAI_CHARS_PER_WORD = 4


def _aware_word_count(line: str, spaced_words: int | None) -> int:
    """word_count's arithmetic; `spaced_words` is len(words(line)) when the caller has it."""
    unspaced = len(_UNSPACED.findall(line))
    if not unspaced:
        return spaced_words if spaced_words is not None else len(words(line))
    thai = len(_THAI_CHAR.findall(line))
    han_kana = unspaced - thai
    return (
        len(words(_UNSPACED.sub(" ", line)))
        + (han_kana + 1) // 2
        + (thai + _THAI_CHARS_PER_WORD - 1) // _THAI_CHARS_PER_WORD
    )


def ends_like_sentence(line: str) -> bool:
    text = line.strip()
    return bool(_SENTENCE_END.search(text) or _THAI_PROSE_END.search(text))


def sentence_count(line: str) -> int:
    """Approximate number of sentences (breaks after final punctuation + capital)."""
    return len(_SENTENCE_BREAK.findall(line.strip())) + 1


def lowercase_ratio(line: str) -> float:
    """Share of alphabetic words starting in lower case: high in prose, low in menus/headlines.

    Only words of cased scripts count. A line in a script without letter case (Arabic,
    Hebrew, Devanagari, CJK, Thai...) is neutral (0.5), as CJK always was: case says
    nothing there, and 0 would read every Arabic paragraph as a menu.
    """
    found = _ALPHA_WORD.findall(line)
    alpha = [word for word in found if not _CJK.search(word) and word.lower() != word.upper()]
    if not alpha:
        return 0.5 if found else 0.0
    return sum(1 for word in alpha if word[0].islower()) / len(alpha)


def is_caseless(line: str) -> bool:
    """Letters, none of a script with capitals (Arabic, Hebrew, CJK, Thai, Devanagari...)."""
    letters = [char for char in line if char.isalpha()]
    return bool(letters) and all(char.lower() == char.upper() for char in letters)


# Character counts use map(str.isX) so the per-character loop runs in C: these ratios are
# asked of every line, and a 20 MB paste has ~20M characters.
@lru_cache(maxsize=16384)  # asked by several stages about the same line
def cjk_ratio(line: str) -> float:
    letters = sum(map(str.isalpha, line))
    if not letters:
        return 0.0
    return sum(map(str.isalpha, "".join(_CJK.findall(line)))) / letters


def digit_ratio(line: str) -> float:
    visible = len(line) - sum(map(str.isspace, line))
    return sum(map(str.isdigit, line)) / visible if visible else 0.0


def letter_ratio(line: str) -> float:
    visible = len(line) - sum(map(str.isspace, line))
    return sum(map(str.isalpha, line)) / visible if visible else 0.0


@lru_cache(maxsize=16384)  # asked by several stages about the same line
def is_comment_shape(line: str) -> bool:
    """Vote counts, "@user" replies, "Reply"/"Like" buttons, comment counters, "X says:"."""
    text = line.strip()
    return bool(
        is_vote_count(text)
        or _AT_USER.match(text)
        or _COMMENT_WORDS.match(text)
        or _COMMENT_HEADING.match(text)
        or _SAYS_LINE.match(text)
    )


# Reaction counts of CJK comment threads: "ssk**** 공감 128 비공감 9", "いいね 12".
_VOTE_CJK = re.compile(r"(?:공감|비공감|추천|반대|좋아요|싫어요|いいね|そう思う|赞|点赞|點讚|讚|踩|(?<!\w)like|j'aime|me gusta|mi piace|curtir)\s*\d+", re.IGNORECASE)


def is_vote_count(line: str) -> bool:
    """"-3 ( +1 / -4 )", "Rating: 9 Votes", "12 points", "공감 128 비공감 9"."""
    text = line.strip()
    return bool(_VOTE_COUNT.match(text) or _VOTE_LINE.match(text) or (_VOTE_CJK.search(text) and len(text.split()) <= 8))


# --- dates and relative times in every language of CLDR (babel's data) --------------
# Month names and "N hours ago" / "yesterday" phrases are taken from the Unicode CLDR for
# the languages news is read in, so a date line or a comment's time stamp is recognised in
# any of them without a hand-written list per language.
_CLDR_LOCALES = ("en", "fr", "de", "es", "it", "pt", "nl", "pl", "tr", "id", "ru", "uk", "ar", "he", "th", "ja", "zh", "zh_Hant", "ko")
_TIME_UNITS = ("second", "minute", "hour", "day", "week", "month", "year")


@lru_cache(maxsize=1)
def _cldr_patterns() -> tuple[re.Pattern, re.Pattern]:
    """(dates with a month name, a line that is only a relative time) for _CLDR_LOCALES."""
    from babel import Locale

    months: set[str] = set()  # wide names: "листопада", "juillet"
    short_months: set[str] = set()  # abbreviations ("pro", "mar", "ก.ย."): only in a date with a year
    relative: set[str] = set()
    for code in _CLDR_LOCALES:
        locale = Locale.parse(code)
        for context in ("format", "stand-alone"):
            for width, names in (("wide", months), ("abbreviated", short_months)):
                for name in locale.months[context][width].values():
                    name = name.strip().rstrip(".").lower()
                    if len(name) >= 3 and not _DIGIT.search(name):  # "1月", "1월" are read as numbers
                        names.add(name)
        # Relative-time phrases have no public accessor in babel; its own format_timedelta
        # reads the same locale data.
        fields = locale._data["date_fields"]
        for unit in _TIME_UNITS:
            for variant in (unit, f"{unit}-short"):
                field = fields.get(variant) or {}
                for pattern in dict(field.get("past") or {}).values():
                    relative.add(pattern)
            for offset, phrase in dict((fields.get(unit) or {}).get("relative") or {}).items():
                if offset in (-1, 0) and unit in ("day", "hour", "minute"):
                    relative.add(phrase)
    def alternation(names: set[str]) -> str:
        return "|".join(sorted((re.escape(name) for name in names), key=len, reverse=True))

    wide, short = alternation(months), alternation(short_months - months)
    dates = re.compile(
        rf"(?<!\d)\d{{1,2}}\.?\s*(?:de\s+)?(?:{wide})(?!\w)(?:,?\s*(?:de\s+)?\d{{4}})?|"
        rf"(?<!\w)(?:{wide})\s+(?:\d{{1,2}}(?!\d)(?:,?\s+\d{{4}})?|(?:de\s+)?\d{{4}})|"
        rf"(?<!\d)\d{{1,2}}\.?\s*(?:{short})\.?\s*\d{{4}}(?!\d)|(?<!\w)(?:{short})\.?\s+\d{{1,2}},?\s+\d{{4}}(?!\d)|"
        r"\d{4}년\s*\d{1,2}월\s*\d{1,2}일|\d{1,2}월\s*\d{1,2}일|"
        # The era before a year ("พ.ศ. 2568", "2025 г."), and Thai clock times ("14.30 น.").
        r"(?:พ\.ศ\.|ค\.ศ\.)\s*\d{4}|\d{4}\s*(?:г\.|року|года)|\d{1,2}[.:]\d{2}\s*น\.",
        re.IGNORECASE,
    )
    spoken = sorted(
        (re.escape(pattern).replace(r"\{0\}", r"\d+").replace(r"\ ", r"\s*") for pattern in relative),
        key=len,
        reverse=True,
    )
    # "vor 2 Stunden", "2時間前", "منذ 3 ساعات" (sites write "since" as often as CLDR's "قبل"), "Yesterday, 10:30".
    spoken += [pattern.replace("قبل", "منذ") for pattern in spoken if "قبل" in pattern]
    relative_line = re.compile(
        rf"^(?:{'|'.join(spoken)})(?:\s*[,·|-]?\s*(?:at|um|à|a las|alle|às|в|о|lúc)?\s*\d{{1,2}}[:.h]\d{{2}}\s*\S{{0,4}})?$",
        re.IGNORECASE,
    )
    return dates, relative_line


@lru_cache(maxsize=1)
def _cldr_weekdays() -> frozenset[str]:
    """Weekday names (wide and abbreviated) of _CLDR_LOCALES, lower case: "jeudi", "четвер", "thu"."""
    from babel import Locale

    names: set[str] = set()
    for code in _CLDR_LOCALES:
        days = Locale.parse(code).days
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                names.update(name.strip().rstrip(".").lower() for name in days[context][width].values())
    return frozenset(name for name in names if name)


_FIRST_WORD = re.compile(r"^\s*([^\W\d_]+)")


def opens_with_weekday(line: str) -> bool:
    """The line's first word is a weekday's name in a CLDR language ("jeudi 14 mars 2024", "четвер, 14 березня")."""
    match = _FIRST_WORD.match(line)
    return bool(match) and match.group(1).lower() in _cldr_weekdays()


def is_relative_time(line: str) -> bool:
    """"2 hours ago", "vor 2 Stunden", "2時間前", "yesterday at 10:30": a time stamp relative to now, alone on its line."""
    text = line.strip()
    return bool(_RELATIVE_TIME.match(text)) or (len(text) <= 40 and bool(_cldr_patterns()[1].match(text)))


def _without_dates(text: str) -> str:
    return _cldr_patterns()[0].sub(" ", _DATE.sub(" ", text))


def is_bare_count(line: str) -> bool:
    return bool(_BARE_COUNT.match(line.strip()))


def has_date(line: str) -> bool:
    """A date or time in the line: numeric, English, or a day and a month name of any CLDR language."""
    return bool(_DATE.search(line)) or bool(_DIGIT.search(line) and _cldr_patterns()[0].search(line))


@lru_cache(maxsize=16384)  # asked by several stages about the same line
def is_date_line(line: str) -> bool:
    """A line that is mostly a date/time stamp: "Oct 26, 2024 - 00:00", "First Published: ...", "date 2024-06-20 ..."."""
    text = line.strip()
    return _date_line(text, len(words(text)), ends_like_sentence(text), is_relative_time(text))


# Words a dated line keeps without its date to be a sentence of the article, not a date line
# ("By Jane Doe, 2 April 2025." keeps 3; "The government declared an emergency on 29 March 2025." 6).
MIN_DATED_CLAUSE_WORDS = 5


def _date_line(text: str, n_words: int, ends_sentence: bool, relative_time: bool) -> bool:
    if not text or n_words > 16:
        return False
    # Every date pattern holds a digit: one cheap test spares the date regex on most lines.
    dated = bool(_DIGIT.search(text)) and has_date(text)
    if (dated and _DATE_LABEL.match(text)) or _READ_TIME.search(text):
        return True
    if n_words > 8 and ends_sentence and (not dated or ends_like_sentence(_without_dates(text))):
        return False  # (a full stop that belongs to the date, "… 14.30 น.", does not make a sentence)
    if dated and ends_sentence:
        # A short sentence that dates its news ("政府于2025年3月29日宣布…。", "أعلنت الحكومة … في 29 مارس 2025."):
        # without its date it still ends like a sentence and holds a clause of MIN_DATED_CLAUSE_WORDS words.
        rest = _without_dates(text)
        if ends_like_sentence(rest) and _aware_word_count(rest, None) >= MIN_DATED_CLAUSE_WORDS:
            return False
    if relative_time:
        return True
    if not dated:
        return False
    rest = words(_without_dates(text))
    if not _holds_a_date(_CLOCK.sub(" ", text)):
        # Only a clock time: a stamp ("19:58", "Heute, 10:25 Uhr"), not a short headline with a year
        # and a time ("Régionales 2024 : résultats à 20h00"): a date line needs a date.
        return len(rest) <= 2 and not _YEAR.search(text)
    return len(rest) <= 5


# A clock time ("20h00", "8:00 pm", "14.30 น.") and a year: alone they make no date.
_CLOCK = re.compile(
    r"\b\d{1,2}[:h]\d{2}\b(?:\s*(?:[ap]\.?m\b\.?|IST|GMT|UTC|ET|EST|EDT|PT|BST|CET|JST)\b)?|\d{1,2}[.:]\d{2}\s*น\.", re.IGNORECASE
)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
# A day and a month in figures without a year ("12/19", "19.12.", "3/5").
_DAY_MONTH = re.compile(r"(?<![\d.,/-])(\d{1,2})[/.-](\d{1,2})(?![\d,/-]|\.\d)")


def _holds_a_date(text: str) -> bool:
    """A date in `text`: `has_date`'s, or a day and a month in figures ("（最終更新 12/19）")."""
    if has_date(text):
        return True
    pairs = (sorted((int(a), int(b))) for a, b in _DAY_MONTH.findall(text))
    return any(1 <= low <= 12 and 1 <= high <= 31 for low, high in pairs)


def is_copyright(line: str) -> bool:
    return bool(_COPYRIGHT.search(line))


# A staff credit without "By": "Tom Krisher, AP Auto Writer", "Jane Roe, Associated Press correspondent".
_ROLE_BYLINE = re.compile(
    r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3},\s+(?:[A-Z][\w&.'’-]*\s+){1,4}"
    r"(?:[A-Za-z]+\s+)?(?i:writer|correspondent|reporter|staff writer|contributor)$"
)


def is_byline(line: str) -> bool:
    text = line.strip()
    if _BYLINE_CJK.match(text) or _BYLINE_LABEL.match(text) or (len(text) <= 80 and _ROLE_BYLINE.match(text)):
        return True
    return bool(_BYLINE.match(text)) and len(words(text)) <= 10 and not ends_like_sentence(text.rstrip(".")) and not _reads_as_clause(text)


# Four or more lower-case words make a clause ("From Pyongyang, Putin was due to fly on to Vietnam."),
# not a byline ("By John Smith and Jane Doe", "Posted by admin on ...").
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]{2,}(?![\w'’])")


def _reads_as_clause(text: str) -> bool:
    # An address or a parenthesis ("(consnow@heraldcorp.com)") and name parts ("Ji-hyoung") are not words of a clause.
    bare = re.sub(r"\([^)]*\)", " ", _EMAIL.sub(" ", _URL.sub(" ", text)))
    return len(_LOWER_WORD.findall(bare)) >= 4


def mentions_wire(line: str) -> bool:
    return bool(_WIRE.search(line))


@lru_cache(maxsize=16384)  # asked by several stages about the same line
def is_caption(line: str) -> bool:
    return bool(_CAPTION.search(line) or _CAPTION_AGENCY_END.search(line) or _MEDIA_ITEM.search(line.strip()) or _slash_credit(line.strip()))


@lru_cache(maxsize=16384)  # asked by several stages about the same line
def is_promo(line: str) -> bool:
    return bool(_PROMO.search(line))


@lru_cache(maxsize=16384)  # asked by several stages about the same line
def is_appeal(line: str) -> bool:
    return bool(_APPEAL.search(line))


# A link to more of the site's news, standing alone ("Mehr Nachrichten aus aller Welt", "Все новости по теме «…»").
_MORE_NEWS_LINK = re.compile(
    r"^(?:mehr nachrichten\b|alle nachrichten\b|more (?:news|stories) (?:from|about|on)\b|all news (?:from|about|on)\b|"
    r"все новости\b|усі новини\b|всі новини\b|plus d'actualités\b|toutes les actualités\b|más noticias\b|più notizie\b|mais notícias\b)"
    r".{0,60}$",
    re.IGNORECASE,
)


def is_related_link(line: str, above_date_line: bool = False) -> bool:
    """One related story's link on a line of its own ("Read more: X", "【関連記事】X", "相关阅读：X"),
    or a link to more of the site's news: furniture, but not a heading that closes the article.
    `above_date_line`: the line stands right above the page's date lines, where a bare 【label】
    opening it ("【速報】…") is the headline's kicker, so only a named related label counts."""
    text = line.strip()
    inline = _RELATED_NAMED if above_date_line else _RELATED_INLINE
    return bool(inline.match(text) or _MORE_NEWS_LINK.match(text))


def is_related_marker(line: str, above_date_line: bool = False) -> bool:
    """A heading that starts a list of other stories ("Related Articles", "Read more", "関連記事");
    `above_date_line` as for `is_related_link`."""
    inline = _RELATED_NAMED if above_date_line else _RELATED_INLINE
    return bool(_RELATED.match(line.strip())) or bool(inline.match(line.strip()))


# A row of share buttons: "Facebook Twitter LinkedIn", "Share this with Messenger", "Share on WhatsApp".
_SHARE_ROW = re.compile(
    r"^(?:share(?: this)?(?: article| story)?(?: with| on| via)?\s*)?"
    r"(?:(?:facebook|twitter|linkedin|whatsapp|messenger|e-?mail|pinterest|reddit|telegram|flipboard|x|print|copy link|"
    r"line|kakaotalk|vk|weibo|wechat)\s*[,|/]?\s*)+$",
    re.IGNORECASE,
)


# A share button's label in any of the app's languages: a share verb and a platform, in the order the
# language puts them ("Share on Facebook", "Partager sur X", "Auf Facebook teilen", "Xでシェア",
# "この記事をシェア", "페이스북 공유", "แชร์ไปยัง Facebook", "Поделиться в Telegram", "LINEで送る").
_PLATFORM = (
    r"(?:facebook|x|twitter|threads|bluesky|line|whatsapp|telegram|linkedin|reddit|pinterest|e-?mail|mail|messenger|viber|"
    r"weibo|wechat|qq|vk|vkontakte|ok|flipboard|mix|hatena|kakao(?:talk|story)?|band|naver|微信|微博|朋友圈|QQ空间|"
    r"카카오톡|카카오스토리|페이스북|트위터|밴드|네이버|メール|はてな(?:ブックマーク)?|ВКонтакте|Одноклассники|"
    r"Фейсбук|Телеграм|เฟซบุ๊ก|ไลน์|فيسبوك|فيس بوك|إكس|تويتر|واتساب|تيليجرام|لينكدإن)"
)
_SHARE_VERB = (
    r"(?:share|partager|teilen|condividi|compartir|compartilhar|partilhar|bagikan|delen|dela|udostępnij|"
    r"поделиться|поділитися|поширити|シェア(?:する)?|共有(?:する)?|送る|공유(?:하기)?|分享|转发|轉發|แชร์|شارك|مشاركة)"
)
_SHARE_PROMPT = re.compile(
    rf"^(?:{_SHARE_VERB}(?:\s*(?:this|cet|ce|this article|cet article|l'article|den artikel|on|sur|auf|via|in|en|no|na|di|в|у|"
    rf"через|到|至|ไปยัง|ไป|ผ่าน|على|عبر|في))*\s*{_PLATFORM}?|"
    rf"(?:(?:この|本)?記事を|이 기사를\s*)?{_PLATFORM}?\s*(?:で|に|로|으로|에)?\s*{_SHARE_VERB}|"
    rf"(?:auf|on|via|sur|per|par)\s+{_PLATFORM}\s+{_SHARE_VERB})\s*[:：]?$",
    re.IGNORECASE,
)


def is_share_prompt(line: str) -> bool:
    """A share button's label in any language of the app ("Partager sur Facebook", "Xでシェア")."""
    text = line.strip()
    return len(text) <= 60 and bool(_SHARE_PROMPT.match(text))


# A site's name as its address, alone on a line ("Пример.ру", "Example.de"): a logo or a credit.
_SITE_NAME = re.compile(r"^[^\W\d_][\w-]{1,30}\.[^\W\d_]{2,6}$")


def is_nav_word(line: str) -> bool:
    """A line that is one menu/share/section label ("Home", "Share", "Politics", "Tags", "Auf Facebook teilen").
    A bare domain ("tagesschau.de") is the site's name, not a menu word: see `is_site_address`."""
    text = line.strip()
    return bool(_NAV_LINE.match(text) or _LABEL_PREFIX.match(text) or is_share_prompt(text))


def is_site_address(line: str) -> bool:
    """A site's address alone on its line ("tagesschau.de", "Пример.ру"): its logo or credit, never prose or a headline."""
    return bool(_SITE_NAME.match(line.strip()))


# A cookie-consent or privacy notice: it speaks of cookies, privacy or personal data (in the app's
# languages) and addresses the reader or speaks as the site ("We value your privacy", "This website
# uses cookies ...", "Wir verwenden Cookies ...", "Vos données personnelles", "Accept all cookies").
_CONSENT_TOPIC = re.compile(
    r"(?i)cookie|\bprivacy\b|\bpersonal (?:data|information)\b|\bconsent\b|datenschutz|données personnelles|"
    r"confidentialité|privacidad|privacidade|dados pessoais|datos personales|riservatezza|dati personali|"
    r"куки|конфиденциальн|персональн\w* дан|конфіденційн|персональн\w* дан|"
    r"クッキー|個人情報|プライバシー|쿠키|개인정보|隐私|隱私|个人信息|個人資料|คุกกี้|ความเป็นส่วนตัว|ข้อมูลส่วนบุคคล|"
    r"ملفات تعريف الارتباط|الخصوصية|البيانات الشخصية"
)
_CONSENT_VOICE = re.compile(
    r"(?i)\b(?:we|our|us|you|your|this (?:web)?site|accept|agree|consent|manage|"
    r"wir|unsere?|ihre?|sie|akzeptieren|zustimmen|nous|notre|nos|vous|votre|vos|ce site|accepter|"
    r"utilizamos|usamos|nuestro|nuestros|su|sus|tu|tus|aceptar|aceitar|utilizziamo|usiamo|accetta|accetto|"
    r"мы|наш\w*|ваш\w*|вы|ми|вас|принять|прийняти|погоджуюсь|согласен)\b|"
    r"当サイト|本サイト|このサイト|同意|본 사이트|당사|동의|本网站|本站|本網站|เว็บไซต์นี้|ยอมรับ|نستخدم|موافق|قبول"
)


def is_consent_notice(line: str) -> bool:
    """A cookie-consent or privacy notice ("We value your privacy", "Nous utilisons des cookies pour ...",
    "Your Privacy Choices"): the site's legal furniture, never a headline."""
    text = line.strip()
    return bool(_CONSENT_TOPIC.search(text)) and bool(_CONSENT_VOICE.search(text))


def consent_topic(line: str) -> bool:
    """The line speaks of cookies, privacy or personal data ("Cookie settings", "Datenschutz")."""
    return bool(_CONSENT_TOPIC.search(line))


def holds_headline_words(line: str, core_tokens: set[str]) -> bool:
    """A date line by its shape that is a headline holding a date ("Stadtwerke erhöhen die Gaspreise
    zum 1. April"): without its dates four words or more stay, two of them (not weekday names) words
    of the article's opening paragraphs."""
    rest = _without_dates(line)
    if len(words(rest)) < 4:
        return False
    shared = {token for token in content_tokens(rest) & core_tokens if token not in _cldr_weekdays()}
    return len(shared) >= 2


def is_share_row(line: str) -> bool:
    """A row of share buttons ("Facebook Twitter LinkedIn", "Share this with Messenger"): never a headline."""
    return bool(_SHARE_ROW.match(line.strip()))


def is_label_list(line: str) -> bool:
    """"Topics :Russia Ukraine Conflict...", "Tags: a, b, c"."""
    return bool(_LABEL_PREFIX.match(line.strip()))


@lru_cache(maxsize=16384)  # asked by several stages about the same line
def is_disclaimer(line: str) -> bool:
    return _is_notice(line.strip())


def separator_count(line: str) -> int:
    return len(_SEPARATORS.findall(line))


def has_url(line: str) -> bool:
    return bool(_URL.search(line) or _EMAIL.search(line))


def is_dateline(line: str) -> bool:
    """An all-caps place line standing alone ("TOKYO", "NEW DELHI")."""
    text = line.strip()
    return bool(_DATELINE.match(text)) and len(words(text)) <= 4


# Unicode category Sc (currency symbols) as of Python 3.11, spelled out so import stays cheap.
_CURRENCY = re.compile(
    "[$\xa2-\xa5\u058f\u060b\u07fe\u07ff\u09f2\u09f3\u09fb\u0af1\u0bf9\u0e3f\u17db\u20a0-\u20c0"
    "\ua838\ufdfc\ufe69\uff04\uffe0\uffe1\uffe5\uffe6\U00011fdd-\U00011fe0\U0001e2ff\U0001ecb0]"
)
_PRICE_TABLE = re.compile(r"^(?:save|off)\s*\d+\s*%|^\d+\s*%\s*off$|^\d+\s+(?:months?|years?|weeks?|days?)$", re.IGNORECASE)


def is_price_line(line: str) -> bool:
    """"₹900", "$4.99/month", "SAVE 25%", "3 Months": subscription price tables."""
    text = line.strip()
    if len(text) > 40:
        return False
    return bool((_CURRENCY.search(text) and _DIGIT.search(text)) or _PRICE_TABLE.match(text))


def is_heading_like(line: str) -> bool:
    """Short line without final punctuation: a headline, subhead or menu label."""
    text = line.strip()
    n = word_count(text)
    return 1 <= n <= 20 and not ends_like_sentence(text)


def content_tokens(text: str) -> set[str]:
    """Lower-cased words of 4+ letters (a cheap stand-in for content words in any Latin/Cyrillic
    script), plus character bigrams of CJK content runs (CJK words are 1-4 characters and
    unspaced, so bigrams are what two lines about the same story share)."""
    tokens = {word.lower() for word in _ALPHA_WORD.findall(text) if len(word) >= 4 and not _CJK.search(word)}
    if _CJK.search(text):
        for run in _CJK_CONTENT_RUN.findall(text):
            tokens.update(run[i : i + 2] for i in range(len(run) - 1))
    return tokens


_SYNDICATION = re.compile(r"\b(?:syndicated|wire|feed|reworked|staff|agency)\b", re.IGNORECASE)


_REPORTING_CREDIT = re.compile(r"^\(?(?:additional )?(?:reporting|writing|editing|compiled|translated) by\b.{0,200}\)?$", re.IGNORECASE)


def is_syndication_credit(line: str) -> bool:
    """"(Only the headline ... reworked by the X staff; ...)", "(Reporting by ...; Editing by ...)": who produced the text."""
    return (is_disclaimer(line) and len(_SYNDICATION.findall(line)) >= 2) or bool(_REPORTING_CREDIT.match(line.strip()))


_LABEL_SPLIT = re.compile(r"\s*[:：|｜]\s*")
_BRACKET_LABEL = re.compile(r"^[\[【〔《<＜]([^\]】〕》>＞]{1,16})[\]】〕》>＞]\s*(\S.*)$")


def is_labelled_link(line: str) -> bool:
    """A short label of one to three words, a colon, pipe or bracket, then a headline (no full
    stop): how pages print one link to another story inside an article, in any language
    ("Zum Weiterlesen: Warum die Autoindustrie schwächelt", "看更多：…", "[관련기사] …")."""
    text = line.strip()
    if len(text) > 200:
        return False
    bracketed = _BRACKET_LABEL.match(text)
    if bracketed:
        label, rest = bracketed.group(1), bracketed.group(2)
    else:
        parts = _LABEL_SPLIT.split(text, maxsplit=1)
        if len(parts) != 2:
            return False
        label, rest = parts
    label = label.strip(" ▶►•·*»›-–—")
    if not label or _DIGIT.search(label) or word_count(label) > 3 or not 2 <= word_count(rest) <= 20:
        return False
    return not _SENTENCE_END.search(rest.rstrip("?？؟")) and not _THAI_PROSE_END.search(rest) or rest.rstrip().endswith(("?", "？", "؟"))


# A day and month without a year, as lists print them: "12.20", "06-16", "09/10", "12月18日".
_SHORT_DATE = re.compile(
    r"(?<![\d.,])(?:(?:0?[1-9]|1[0-2])[./-](?:0?[1-9]|[12]\d|3[01])|(?:0?[1-9]|[12]\d|3[01])[./-](?:0?[1-9]|1[0-2])|"
    r"\d{1,2}月\d{1,2}日|\d{1,2}월 ?\d{1,2}일)$"
)
_ITEM_SEPARATOR = " \t–—|·-,"


def is_dated_item(line: str) -> bool:
    """A headline of three words or more followed by its date and nothing else ("Drought leaves farmers
    counting the cost 12 March 2025", "円安、一時160円台　12月18日", "Гривня подешевшала — 22.01.2025"):
    how lists of other stories print their items, in any language."""
    text = line.strip()
    if len(text) > 200 or not _DIGIT.search(text[-6:]):
        return False
    starts = [match.start() for match in _DATE.finditer(text) if match.end() == len(text)]
    starts += [match.start() for match in _cldr_patterns()[0].finditer(text) if match.end() == len(text)]
    short = _SHORT_DATE.search(text)
    if short:
        starts.append(short.start())
    if not starts:
        return False
    head = text[: min(starts)].rstrip(_ITEM_SEPARATOR)
    return word_count(head) >= 3 and not _DATE_LABEL.match(head)


class LineShape(NamedTuple):
    """Every per-line signal of one line of text, computed once per distinct line of a page.

    The features, the prose strength, the headline search and the removal
    kinds all ask about the same lines; asking once keeps the cleaner's work
    proportional to the number of lines (a 20 MB paste is ~1M lines).
    Immutable like our frozen dataclasses, but a NamedTuple: one is built per
    line, and a frozen dataclass's __init__ (one object.__setattr__ per field)
    was the largest single cost on a paste of a million short lines.
    """

    ends_sentence: bool
    sentences: int
    lowercase: float
    digits: float
    letters: float
    cjk: float
    url: bool
    copyright: bool
    date_line: bool
    relative_time: bool
    byline: bool
    wire: bool
    caption: bool
    dateline: bool
    comment: bool
    vote: bool
    bare_count: bool
    promo: bool
    appeal: bool
    related: bool
    nav: bool
    label_list: bool
    disclaimer: bool
    syndication: bool
    price: bool
    separators: int
    heading_like: bool
    labelled_link: bool  # "Zum Weiterlesen: Warum …", "À lire aussi | …", "[관련기사] …": a label, then another story's headline
    dated_item: bool  # "Séisme de magnitude 6,1 au Japon – 06/01/2025": a headline with its date, an item of a list of stories


# Lines longer than this are judged on their first and last halves of it: no furniture
# line is that long, and ~25 regex passes over a single 20 MB line cost ~20 s.
LONG_LINE_PROBE = 20000


def line_shape(line: str) -> LineShape:
    """All signals of `line` (uncached: callers memoise per page).

    A line over LONG_LINE_PROBE characters is judged on its head and tail, so
    a paste that is one enormous line costs the same as a long paragraph.
    """
    if len(line) > LONG_LINE_PROBE:
        half = LONG_LINE_PROBE // 2
        line = f"{line[:half]} {line[-half:]}"
    # The predicates above, inlined over one stripped text and one word count (each
    # predicate alone strips and re-counts): this runs once per line of every paste.
    text = line.strip()
    n_words = len(_WORD.findall(text))
    ends = bool(_SENTENCE_END.search(text) or _THAI_PROSE_END.search(text))
    vote = bool(_VOTE_COUNT.match(text) or _VOTE_LINE.match(text) or (_VOTE_CJK.search(text) and len(text.split()) <= 8))
    disclaimer = _is_notice(text)
    relative = is_relative_time(text)
    label_list = bool(_LABEL_PREFIX.match(text))
    n_words_aware = _aware_word_count(text, n_words)
    return LineShape(
        ends_sentence=ends,
        sentences=len(_SENTENCE_BREAK.findall(text)) + 1,
        lowercase=lowercase_ratio(text),
        digits=digit_ratio(text),
        letters=letter_ratio(text),
        cjk=cjk_ratio.__wrapped__(text),
        url=bool(_URL.search(text) or _EMAIL.search(text)),
        copyright=bool(_COPYRIGHT.search(text)),
        date_line=_date_line(text, n_words, ends, relative),
        relative_time=relative,
        byline=bool(_BYLINE_CJK.match(text) or _BYLINE_LABEL.match(text))
        or (len(text) <= 80 and bool(_ROLE_BYLINE.match(text)))
        or (bool(_BYLINE.match(text)) and n_words <= 10 and not ends_like_sentence(text.rstrip(".")) and not _reads_as_clause(text)),
        wire=bool(_WIRE.search(text)),
        caption=bool(_CAPTION.search(text) or _CAPTION_AGENCY_END.search(text) or _MEDIA_ITEM.search(text) or _slash_credit(text)),
        dateline=bool(_DATELINE.match(text)) and n_words <= 4,
        comment=bool(
            vote or _AT_USER.match(text) or _COMMENT_WORDS.match(text) or _COMMENT_HEADING.match(text) or _SAYS_LINE.match(text)
        ),
        vote=vote,
        bare_count=bool(_BARE_COUNT.match(text)),
        promo=bool(_PROMO.search(text)),
        appeal=bool(_APPEAL.search(text)),
        related=bool(_RELATED.match(text) or _RELATED_INLINE.match(text) or _MORE_NEWS_LINK.match(text)),
        # (a bare domain counts as navigation furniture here, though `is_nav_word` leaves it out: it is
        # no body line, and the cleaner's weights were trained with it so)
        nav=bool(_NAV_LINE.match(text) or _SITE_NAME.match(text)) or label_list or is_share_prompt(text),
        label_list=label_list,
        disclaimer=disclaimer,
        syndication=(disclaimer and len(_SYNDICATION.findall(text)) >= 2) or bool(_REPORTING_CREDIT.match(text)),
        price=is_price_line(text),
        separators=len(_SEPARATORS.findall(text)),
        heading_like=1 <= n_words_aware <= 20 and not ends,
        labelled_link=is_labelled_link(text),
        dated_item=not ends and is_dated_item(text),
    )


CACHED_PREDICATES = (cjk_ratio, is_comment_shape, is_date_line, is_caption, is_promo, is_appeal, is_disclaimer)
