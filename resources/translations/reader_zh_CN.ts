<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>Actions</name>
        <message>
            <source>Print Bri&amp;ef…</source>
            <translation>打印专题汇编(&amp;E)…</translation>
        </message>
        <message>
            <source>&amp;Print Article…</source>
            <translation>打印文章(&amp;P)…</translation>
        </message>
        <message>
            <source>&amp;Undo Delete</source>
            <translation>撤销删除(&amp;U)</translation>
        </message>
        <message>
            <source>Move Issue to &amp;Trash…</source>
            <translation>将期刊移入回收站(&amp;T)…</translation>
        </message>
        <message>
            <source>Tras&amp;h…</source>
            <translation>回收站(&amp;H)…</translation>
        </message>
        <message>
            <source>Remove &amp;Sample Issues…</source>
            <translation>移除示例期刊(&amp;S)…</translation>
        </message>
        <message>
            <source>Earlier Te&amp;xts…</source>
            <translation>历史文字(&amp;X)…</translation>
        </message>
        <message>
            <source>&amp;Import Files…</source>
            <translation>导入文件(&amp;I)…</translation>
        </message>
        <message>
            <source>Import &amp;Folder…</source>
            <translation>导入文件夹(&amp;F)…</translation>
        </message>
        <message>
            <source>&amp;Back Up Archive…</source>
            <translation>备份资料库(&amp;B)…</translation>
        </message>
        <message>
            <source>&amp;Restore From Backup…</source>
            <translation>从备份恢复(&amp;R)…</translation>
        </message>
        <message>
            <source>Rebuild Search Inde&amp;x</source>
            <translation>重建搜索索引(&amp;X)</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>复制(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Search Archive</source>
            <translation>搜索资料库(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Find in Article</source>
            <translation>在文中查找(&amp;F)</translation>
        </message>
        <message>
            <source>Find &amp;Next</source>
            <translation>下一个(&amp;N)</translation>
        </message>
        <message>
            <source>Find Pre&amp;vious</source>
            <translation>上一个(&amp;V)</translation>
        </message>
        <message>
            <source>Edit Issue &amp;Details…</source>
            <translation>编辑期刊信息(&amp;D)…</translation>
        </message>
        <message>
            <source>&amp;Bookmark Article</source>
            <translation>加书签(&amp;B)</translation>
        </message>
        <message>
            <source>&amp;Highlight Selection</source>
            <translation>划线(&amp;H)</translation>
        </message>
        <message>
            <source>Add &amp;Note to Selection</source>
            <translation>为选中文字加批注(&amp;N)</translation>
        </message>
        <message>
            <source>Add Note to &amp;Article</source>
            <translation>为文章加批注(&amp;A)</translation>
        </message>
        <message>
            <source>Add &amp;Tag…</source>
            <translation>添加标签(&amp;T)…</translation>
        </message>
        <message>
            <source>Add to B&amp;rief</source>
            <translation>加入专题汇编(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;New Brief…</source>
            <translation>新建专题汇编(&amp;N)…</translation>
        </message>
        <message>
            <source>&amp;Export Brief…</source>
            <translation>导出专题汇编(&amp;E)…</translation>
        </message>
        <message>
            <source>&amp;Larger Text</source>
            <translation>放大字体(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Smaller Text</source>
            <translation>缩小字体(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Normal Size</source>
            <translation>正常大小(&amp;N)</translation>
        </message>
        <message>
            <source>Lig&amp;ht Theme</source>
            <translation>浅色主题(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;Dark Theme</source>
            <translation>深色主题(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;About Reader</source>
            <translation>关于阅读器(&amp;A)</translation>
        </message>
        <message>
            <source>Go to Library</source>
            <translation>转到资料库</translation>
        </message>
        <message>
            <source>Go to Search Results</source>
            <translation>转到搜索结果</translation>
        </message>
        <message>
            <source>Go to Article</source>
            <translation>转到文章</translation>
        </message>
        <message>
            <source>Go to Brief</source>
            <translation>转到专题汇编</translation>
        </message>
        <message>
            <source>Expor&amp;t Annotations…</source>
            <translation>导出批注(&amp;T)…</translation>
        </message>
        <message>
            <source>Import &amp;Annotations…</source>
            <translation>导入批注(&amp;A)…</translation>
        </message>
    </context>
    <context>
        <name>AnnotationPanel</name>
        <message>
            <source>Tags</source>
            <translation>标签</translation>
        </message>
        <message>
            <source>Tags, separated by spaces</source>
            <translation>标签，用空格分隔</translation>
        </message>
        <message>
            <source>Add Note</source>
            <translation>添加批注</translation>
        </message>
        <message>
            <source>Add a note to this article</source>
            <translation>为本文添加批注</translation>
        </message>
        <message>
            <source>Highlights</source>
            <translation>划线</translation>
        </message>
        <message>
            <source>Note on the highlight</source>
            <translation>划线批注</translation>
        </message>
        <message>
            <source>Note on the selected highlight…</source>
            <translation>所选划线的批注…</translation>
        </message>
        <message>
            <source>Remove Highlight</source>
            <translation>删除划线</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>批注</translation>
        </message>
        <message>
            <source>No article open</source>
            <translation>未打开文章</translation>
        </message>
        <message>
            <source>(text no longer found)</source>
            <translation>（原文已找不到）</translation>
        </message>
    </context>
    <context>
        <name>BriefPanel</name>
        <message numerus="yes">
            <source>Excerpt: %n passage(s)</source>
            <translation>
                <numerusform>摘编 %n 段</numerusform>
            </translation>
        </message>
        <message>
            <source>Added the excerpt to the brief</source>
            <translation>已将摘编加入专题汇编</translation>
        </message>
        <message>
            <source>Brief</source>
            <translation>专题汇编</translation>
        </message>
        <message>
            <source>New…</source>
            <translation>新建…</translation>
        </message>
        <message>
            <source>New brief</source>
            <translation>新建专题汇编</translation>
        </message>
        <message>
            <source>Brief title</source>
            <translation>汇编标题</translation>
        </message>
        <message>
            <source>Preface</source>
            <translation>编者按</translation>
        </message>
        <message>
            <source>Editor's preface (编者按)…</source>
            <translation>编者按…</translation>
        </message>
        <message>
            <source>Articles of the brief</source>
            <translation>专题汇编中的文章</translation>
        </message>
        <message>
            <source>Editor's note on the article</source>
            <translation>编者对本文的注</translation>
        </message>
        <message>
            <source>Editor's note on the selected article…</source>
            <translation>编者对所选文章的注…</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <source>Remove the selected articles from the brief</source>
            <translation>从专题汇编中移除所选文章</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>Drag articles to reorder them.</source>
            <translation>拖动文章可调整顺序。</translation>
        </message>
        <message>
            <source>No brief yet: “Add to Brief” starts one.</source>
            <translation>还没有专题汇编：“加入专题汇编”会新建一个。</translation>
        </message>
        <message numerus="yes">
            <source>%n article(s)</source>
            <translation>
                <numerusform>%n 篇文章</numerusform>
            </translation>
        </message>
        <message>
            <source>New Brief</source>
            <translation>新建专题汇编</translation>
        </message>
        <message>
            <source>Name of the brief:</source>
            <translation>汇编名称：</translation>
        </message>
        <message numerus="yes">
            <source>Added %n article(s) to the brief</source>
            <translation>
                <numerusform>已将 %n 篇文章加入专题汇编</numerusform>
            </translation>
        </message>
        <message>
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <source>Add articles to a brief first.</source>
            <translation>请先向专题汇编中加入文章。</translation>
        </message>
        <message>
            <source>Rename Brief</source>
            <translation>重命名专题汇编</translation>
        </message>
        <message>
            <source>%1 (copy)</source>
            <translation>%1（副本）</translation>
        </message>
        <message>
            <source>Duplicate Brief</source>
            <translation>复制专题汇编</translation>
        </message>
        <message>
            <source>Delete Brief</source>
            <translation>删除专题汇编</translation>
        </message>
        <message>
            <source>Delete the brief “%1”? Its articles stay in the archive.</source>
            <translation>删除专题汇编“%1”？其中的文章仍保留在资料库中。</translation>
        </message>
        <message>
            <source>More</source>
            <translation>更多</translation>
        </message>
        <message>
            <source>Rename, duplicate or delete the brief</source>
            <translation>重命名、复制或删除专题汇编</translation>
        </message>
        <message>
            <source>&amp;Rename…</source>
            <translation>重命名(&amp;R)…</translation>
        </message>
        <message>
            <source>D&amp;uplicate…</source>
            <translation>复制(&amp;U)…</translation>
        </message>
        <message>
            <source>&amp;Delete…</source>
            <translation>删除(&amp;D)…</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Written to %1</source>
            <translation>已写入 %1</translation>
        </message>
        <message>
            <source>The brief needs a title.</source>
            <translation>专题汇编需要标题。</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Open Folder</source>
            <translation>打开所在文件夹</translation>
        </message>
        <message>
            <source>Who compiled it (编印单位)</source>
            <translation>编印单位（如：某某市科技情报中心）</translation>
        </message>
        <message>
            <source>Compiler</source>
            <translation>编印单位</translation>
        </message>
        <message>
            <source>Subtitle</source>
            <translation>副标题</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>Export Brief</source>
            <translation>导出专题汇编</translation>
        </message>
        <message>
            <source>Format</source>
            <translation>格式</translation>
        </message>
        <message>
            <source>Include my notes</source>
            <translation>包含我的批注</translation>
        </message>
        <message>
            <source>Include highlighted passages</source>
            <translation>包含划线摘录</translation>
        </message>
        <message>
            <source>Open the file when done</source>
            <translation>完成后打开文件</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message numerus="yes">
            <source>“%1”: %n article(s)</source>
            <translation>
                <numerusform>《%1》：%n 篇文章</numerusform>
            </translation>
        </message>
        <message>
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <source>Choose a file to export to.</source>
            <translation>请选择导出的文件。</translation>
        </message>
        <message>
            <source>Exporting…</source>
            <translation>正在导出…</translation>
        </message>
        <message>
            <source>Exported to %1</source>
            <translation>已导出到 %1</translation>
        </message>
    </context>
    <context>
        <name>FindBar</name>
        <message>
            <source>Find in article</source>
            <translation>在文中查找</translation>
        </message>
        <message>
            <source>Find in article (Ctrl+F)…</source>
            <translation>在文中查找 (Ctrl+F)…</translation>
        </message>
        <message>
            <source>Match position</source>
            <translation>匹配位置</translation>
        </message>
        <message>
            <source>no matches</source>
            <translation>无匹配</translation>
        </message>
    </context>
    <context>
        <name>IssueDialog</name>
        <message>
            <source>Issue Details</source>
            <translation>期刊信息</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>未标注</translation>
        </message>
        <message>
            <source>Series</source>
            <translation>刊物</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>年份</translation>
        </message>
        <message>
            <source>Issue number</source>
            <translation>期号</translation>
        </message>
        <message>
            <source>Edited by</source>
            <translation>编辑单位</translation>
        </message>
        <message>
            <source>Editor</source>
            <translation>编辑</translation>
        </message>
        <message>
            <source>Telephone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Imported from</source>
            <translation>导入自</translation>
        </message>
    </context>
    <context>
        <name>LibraryPanel</name>
        <message>
            <source>Filter titles</source>
            <translation>筛选标题</translation>
        </message>
        <message>
            <source>Filter titles…</source>
            <translation>筛选标题…</translation>
        </message>
        <message>
            <source>Library</source>
            <translation>资料库</translation>
        </message>
    </context>
    <context>
        <name>LibraryTreeModel</name>
        <message>
            <source>⚠ clash (#%1)</source>
            <translation>⚠ 期号冲突（#%1）</translation>
        </message>
        <message>
            <source>Unlabelled</source>
            <translation>未标注</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>标签</translation>
        </message>
        <message>
            <source>Bookmarks</source>
            <translation>书签</translation>
        </message>
        <message>
            <source>Issue number unknown (#%1)</source>
            <translation>期号未标注（#%1）</translation>
        </message>
        <message>
            <source>No. %1</source>
            <translation>第 %1 期</translation>
        </message>
        <message>
            <source> (running No. %1)</source>
            <translation>（总第 %1 期）</translation>
        </message>
        <message>
            <source>Regions</source>
            <translation>地区</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Add to Brief (Excerpt)</source>
            <translation>加入简报（摘编）</translation>
        </message>
        <message numerus="yes">
            <source>Move %n Issue(s) to Trash…</source>
            <translation>
                <numerusform>将 %n 期移入回收站…</numerusform>
            </translation>
        </message>
        <message>
            <source>Reader — 科技情报参考 archive</source>
            <translation>科技情报参考 资料库阅读器</translation>
        </message>
        <message>
            <source>Article</source>
            <translation>文章</translation>
        </message>
        <message>
            <source>Library</source>
            <translation>资料库</translation>
        </message>
        <message>
            <source>Search Results</source>
            <translation>搜索结果</translation>
        </message>
        <message>
            <source>Notes and Highlights</source>
            <translation>批注与划线</translation>
        </message>
        <message>
            <source>Brief</source>
            <translation>专题汇编</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>搜索</translation>
        </message>
        <message>
            <source>Tools</source>
            <translation>工具</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Article</source>
            <translation>文章(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Brief</source>
            <translation>专题汇编(&amp;B)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>Lan&amp;guage</source>
            <translation>语言(&amp;G)</translation>
        </message>
        <message>
            <source>Highlight &amp;Colour</source>
            <translation>划线颜色(&amp;C)</translation>
        </message>
        <message>
            <source>Yellow</source>
            <translation>黄色</translation>
        </message>
        <message>
            <source>Green</source>
            <translation>绿色</translation>
        </message>
        <message>
            <source>Blue</source>
            <translation>蓝色</translation>
        </message>
        <message>
            <source>Pink</source>
            <translation>粉色</translation>
        </message>
        <message>
            <source>Purple</source>
            <translation>紫色</translation>
        </message>
        <message>
            <source>Orange</source>
            <translation>橙色</translation>
        </message>
        <message>
            <source>Bookmarked</source>
            <translation>已加书签</translation>
        </message>
        <message>
            <source>Bookmark removed</source>
            <translation>已取消书签</translation>
        </message>
        <message>
            <source>Select some text of the article first</source>
            <translation>请先选中文中的文字</translation>
        </message>
        <message>
            <source>Add Tag</source>
            <translation>添加标签</translation>
        </message>
        <message>
            <source>Tag (one word):</source>
            <translation>标签（一个词）：</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>打开</translation>
        </message>
        <message>
            <source>Show Highlight</source>
            <translation>查看划线</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <source>About Reader</source>
            <translation>关于阅读器</translation>
        </message>
        <message>
            <source>Reader %1 — an offline reader for the bulletin 科技情报参考.
Archive: %2
Articles: %3</source>
            <translation>阅读器 %1 —— 《科技情报参考》离线阅读工具。
资料库：%2
文章数：%3</translation>
        </message>
        <message>
            <source>Reader</source>
            <translation>阅读器</translation>
        </message>
        <message numerus="yes">
            <source>Add %n Article(s) to Brief</source>
            <translation>
                <numerusform>将 %n 篇文章加入专题汇编</numerusform>
            </translation>
        </message>
        <message>
            <source>The new language is used once Reader restarts.</source>
            <translation>新的界面语言在阅读器重启后生效。</translation>
        </message>
        <message>
            <source>Restart Now</source>
            <translation>立即重启</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>稍后</translation>
        </message>
        <message>
            <source>Topics</source>
            <translation>专题</translation>
        </message>
    </context>
    <context>
        <name>NoteEditor</name>
        <message>
            <source>Note</source>
            <translation>批注</translation>
        </message>
        <message>
            <source>Write a note on this article…</source>
            <translation>写下对本文的批注…</translation>
        </message>
    </context>
    <context>
        <name>ReadingPane</name>
        <message>
            <source>contents page %1</source>
            <translation>目录第 %1 页</translation>
        </message>
        <message>
            <source>running No. %1</source>
            <translation>总第 %1 期</translation>
        </message>
        <message>
            <source>column: %1</source>
            <translation>栏目：%1</translation>
        </message>
        <message>
            <source>source: %1</source>
            <translation>来源：%1</translation>
        </message>
    </context>
    <context>
        <name>ReportDialog</name>
        <message>
            <source>Details</source>
            <translation>详细信息</translation>
        </message>
    </context>
    <context>
        <name>ResultDelegate</name>
        <message>
            <source>unknown issue</source>
            <translation>期号未标注</translation>
        </message>
        <message numerus="yes">
            <source>%n match(es)</source>
            <translation>
                <numerusform>%n 处匹配</numerusform>
            </translation>
        </message>
        <message>
            <source>in your notes</source>
            <translation>出自批注</translation>
        </message>
        <message>
            <source>No. %1</source>
            <translation>第 %1 名</translation>
        </message>
    </context>
    <context>
        <name>ResultsView</name>
        <message>
            <source>Search results</source>
            <translation>搜索结果</translation>
        </message>
    </context>
    <context>
        <name>SearchBar</name>
        <message>
            <source>Search the archive</source>
            <translation>搜索资料库</translation>
        </message>
        <message>
            <source>Search the archive (Ctrl+K)…</source>
            <translation>搜索资料库 (Ctrl+K)…</translation>
        </message>
        <message>
            <source>Year filter</source>
            <translation>年份筛选</translation>
        </message>
        <message>
            <source>Series filter</source>
            <translation>刊物筛选</translation>
        </message>
        <message>
            <source>Search:</source>
            <translation>搜索：</translation>
        </message>
        <message>
            <source>All years</source>
            <translation>全部年份</translation>
        </message>
        <message>
            <source>All series</source>
            <translation>全部刊物</translation>
        </message>
        <message>
            <source>Region filter</source>
            <translation>地区筛选</translation>
        </message>
        <message>
            <source>All regions</source>
            <translation>全部地区</translation>
        </message>
    </context>
    <context>
        <name>SearchController</name>
        <message numerus="yes">
            <source>%n result(s)</source>
            <translation>
                <numerusform>%n 条结果</numerusform>
            </translation>
        </message>
        <message>
            <source>Searching…</source>
            <translation>正在搜索…</translation>
        </message>
        <message>
            <source>No article matches “%1”.</source>
            <translation>没有文章包含“%1”。</translation>
        </message>
    </context>
    <context>
        <name>AnnotationTransfer</name>
        <message>
            <source>Annotations %1.json</source>
            <translation>批注_%1.json</translation>
        </message>
        <message>
            <source>Export Annotations</source>
            <translation>导出批注</translation>
        </message>
        <message>
            <source>Import Annotations</source>
            <translation>导入批注</translation>
        </message>
        <message>
            <source>Annotations on %1 articles written to %2</source>
            <translation>已将 %1 篇文章的批注写入 %2</translation>
        </message>
        <message>
            <source>%1 articles matched, %2 not found; %3 annotations added</source>
            <translation>匹配 %1 篇文章，%2 篇未找到；添加 %3 条批注</translation>
        </message>
    </context>
    <context>
        <name>Accessibility</name>
        <message>
            <source>Clear</source>
            <translation>清除</translation>
        </message>
        <message>
            <source>More tools</source>
            <translation>更多工具</translation>
        </message>
    </context>
    <context>
        <name>Curation</name>
        <message numerus="yes">
            <source>Move %n issue(s) to the trash?</source>
            <translation>
                <numerusform>将 %n 期移入回收站？</numerusform>
            </translation>
        </message>
        <message>
            <source>Their articles, notes and highlights go with them; Trash brings them back.</source>
            <translation>其文章、笔记和高亮一并移入；可从回收站恢复。</translation>
        </message>
        <message>
            <source>Delete Issue</source>
            <translation>删除期刊</translation>
        </message>
        <message numerus="yes">
            <source>Moved %n issue(s) to the trash</source>
            <translation>
                <numerusform>已将 %n 期移入回收站</numerusform>
            </translation>
        </message>
        <message>
            <source>There are no sample issues</source>
            <translation>没有示例期刊</translation>
        </message>
        <message numerus="yes">
            <source>Move the %n sample issue(s) (示例) to the trash?</source>
            <translation>
                <numerusform>将 %n 期示例期刊移入回收站？</numerusform>
            </translation>
        </message>
        <message>
            <source>Remove Sample Issues</source>
            <translation>移除示例期刊</translation>
        </message>
        <message>
            <source>Restored from the trash</source>
            <translation>已从回收站恢复</translation>
        </message>
        <message>
            <source>Delete the issues in the trash for good? This cannot be undone.</source>
            <translation>永久删除回收站中的期刊？此操作无法撤销。</translation>
        </message>
        <message>
            <source>Empty Trash</source>
            <translation>清空回收站</translation>
        </message>
        <message>
            <source>The trash is empty</source>
            <translation>回收站已清空</translation>
        </message>
        <message>
            <source>Two Issues, One Number</source>
            <translation>两期期刊期号相同</translation>
        </message>
        <message>
            <source>Issue %1 (%2) already has this series, year and number.</source>
            <translation>第 %1 号期刊（%2）已是这一刊名、年份和期号。</translation>
        </message>
        <message>
            <source>Merge them into one issue (articles both have become one, notes and highlights kept), or keep them apart as two issues?</source>
            <translation>合并为一期（两期共有的文章合而为一，笔记和高亮保留），还是作为两期分开保留？</translation>
        </message>
        <message>
            <source>Merge</source>
            <translation>合并</translation>
        </message>
        <message>
            <source>Keep Apart</source>
            <translation>分开保留</translation>
        </message>
    </context>
    <context>
        <name>TrashDialog</name>
        <message>
            <source>Restore</source>
            <translation>恢复</translation>
        </message>
        <message>
            <source>Trash</source>
            <translation>回收站</translation>
        </message>
        <message>
            <source>Deleted issues</source>
            <translation>已删除的期刊</translation>
        </message>
        <message>
            <source>The trash is empty.</source>
            <translation>回收站是空的。</translation>
        </message>
        <message>
            <source>Empty Trash…</source>
            <translation>清空回收站…</translation>
        </message>
        <message>
            <source>%1 — %2 articles, deleted %3</source>
            <translation>%1 — %2 篇文章，删除于 %3</translation>
        </message>
    </context>
    <context>
        <name>HistoryDialog</name>
        <message>
            <source>Earlier Texts of %1</source>
            <translation>《%1》的历史文字</translation>
        </message>
        <message>
            <source>Earlier versions</source>
            <translation>早先的版本</translation>
        </message>
        <message>
            <source>Version %1, replaced %2</source>
            <translation>第 %1 版，替换于 %2</translation>
        </message>
        <message>
            <source>This article has only its present text.</source>
            <translation>这篇文章只有现在的文字。</translation>
        </message>
        <message>
            <source>(file unknown)</source>
            <translation>（来源文件不明）</translation>
        </message>
        <message>
            <source>From %1</source>
            <translation>来自 %1</translation>
        </message>
    </context>
    <context>
        <name>DeletionUndo</name>
        <message>
            <source>Delete Note</source>
            <translation>删除笔记</translation>
        </message>
        <message>
            <source>Delete Highlight</source>
            <translation>删除高亮</translation>
        </message>
        <message>
            <source>Remove Tag</source>
            <translation>移除标签</translation>
        </message>
        <message>
            <source>Remove Bookmark</source>
            <translation>移除书签</translation>
        </message>
        <message>
            <source>Remove From Brief</source>
            <translation>从汇编中移除</translation>
        </message>
    </context>
    <context>
        <name>ArticleInfoBar</name>
        <message>
            <source>(similarity %1)</source>
            <translation>（相似 %1）</translation>
        </message>
        <message>
            <source>See also: </source>
            <translation>另见：</translation>
        </message>
        <message>
            <source>Regions: </source>
            <translation>地区：</translation>
        </message>
        <message>
            <source>Keywords: </source>
            <translation>关键词：</translation>
        </message>
    </context>
    <context>
        <name>TopicPanel</name>
        <message>
            <source>Topics</source>
            <translation>专题</translation>
        </message>
        <message>
            <source>New hits</source>
            <translation>新命中</translation>
        </message>
        <message>
            <source>New Topic…</source>
            <translation>新建专题…</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Mark All Seen</source>
            <translation>全部标为已读</translation>
        </message>
        <message>
            <source>Hits to Brief</source>
            <translation>命中加入汇编</translation>
        </message>
        <message>
            <source>%1  ● %2 new of %3</source>
            <translation>%1  ● 新 %2 / 共 %3</translation>
        </message>
        <message>
            <source>%1  (%2)</source>
            <translation>%1  （%2）</translation>
        </message>
        <message>
            <source>Add a topic to follow a query across new issues.</source>
            <translation>新建专题，在每期新刊中跟踪一个检索式。</translation>
        </message>
        <message>
            <source>New hits for %1:</source>
            <translation>%1 的新命中：</translation>
        </message>
        <message>
            <source>Nothing new for %1.</source>
            <translation>%1 没有新命中。</translation>
        </message>
        <message>
            <source>New Topic</source>
            <translation>新建专题</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>名称：</translation>
        </message>
        <message>
            <source>Query (any search, filters included):</source>
            <translation>检索式（可用任何检索语法和筛选）：</translation>
        </message>
    </context>
    <context>
        <name>ArchiveCare</name>
        <message>
            <source>Search Index</source>
            <translation>搜索索引</translation>
        </message>
        <message>
            <source>Rebuilding the search index…</source>
            <translation>正在重建搜索索引…</translation>
        </message>
        <message>
            <source>Search index rebuilt</source>
            <translation>搜索索引已重建</translation>
        </message>
        <message>
            <source>Back Up Archive</source>
            <translation>备份资料库</translation>
        </message>
        <message>
            <source>Reader archive (*.sqlite3);;All files (*)</source>
            <translation>阅读器资料库 (*.sqlite3);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Archive backup %1.sqlite3</source>
            <translation>资料库备份_%1.sqlite3</translation>
        </message>
        <message>
            <source>Backup</source>
            <translation>备份</translation>
        </message>
        <message>
            <source>Backing up the archive…</source>
            <translation>正在备份资料库…</translation>
        </message>
        <message>
            <source>Backed up to %1</source>
            <translation>已备份到 %1</translation>
        </message>
        <message>
            <source>Restore From Backup</source>
            <translation>从备份恢复</translation>
        </message>
        <message>
            <source>Replace the archive with this backup? The current archive is kept beside it as archive-before-restore-….sqlite3.</source>
            <translation>用此备份替换资料库吗？当前资料库会保存在同一文件夹，名为 archive-before-restore-….sqlite3。</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>恢复</translation>
        </message>
        <message>
            <source>Restoring the archive…</source>
            <translation>正在恢复资料库…</translation>
        </message>
        <message>
            <source>Archive restored</source>
            <translation>资料库已恢复</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <source>Program Error</source>
            <translation>程序出错</translation>
        </message>
        <message>
            <source>Reader</source>
            <translation>阅读器</translation>
        </message>
        <message>
            <source>What happened is written in the log: %1</source>
            <translation>详细经过已写入日志：%1</translation>
        </message>
    </context>
    <context>
        <name>ImportProgress</name>
        <message>
            <source>Importing</source>
            <translation>导入</translation>
        </message>
        <message>
            <source>Importing bulletins…</source>
            <translation>正在导入简报…</translation>
        </message>
        <message>
            <source>Stop reading scans</source>
            <translation>停止识别扫描件</translation>
        </message>
        <message>
            <source>Cancel Import</source>
            <translation>取消导入</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
    </context>
    <context>
        <name>Importing</name>
        <message>
            <source>Import Bulletins</source>
            <translation>导入简报</translation>
        </message>
        <message>
            <source>Bulletins ({patterns});;All files (*)</source>
            <translation>简报文件 ({patterns});;所有文件 (*)</translation>
        </message>
        <message>
            <source>Import a Folder of Bulletins</source>
            <translation>导入简报文件夹</translation>
        </message>
        <message>
            <source>Importing bulletins…</source>
            <translation>正在导入简报…</translation>
        </message>
        <message>
            <source>Reading %1 of %2: %3</source>
            <translation>正在读取第 %1 个（共 %2 个）：%3</translation>
        </message>
        <message>
            <source>%1 imported, %2 updated, %3 already there, %4 skipped</source>
            <translation>导入 %1 期，更新 %2 期，已有 %3 期，跳过 %4 个文件</translation>
        </message>
        <message>
            <source>%1 not started (import cancelled)</source>
            <translation>%1 个未开始（已取消导入）</translation>
        </message>
        <message>
            <source>, </source>
            <translation>，</translation>
        </message>
        <message>
            <source>not imported: the import was cancelled</source>
            <translation>未导入：导入已取消</translation>
        </message>
        <message>
            <source>Import Report</source>
            <translation>导入报告</translation>
        </message>
    </context>
    <context>
        <name>StartUp</name>
        <message>
            <source>Sample Issues</source>
            <translation>示例期刊</translation>
        </message>
        <message>
            <source>The archive is empty. Import the invented sample issues (示例) to try the reader? They can be removed later in one action (File › Remove Sample Issues).</source>
            <translation>资料库是空的。要导入几期虚构的示例期刊（示例）来试用吗？以后可以一次全部移除（文件 › 移除示例期刊）。</translation>
        </message>
        <message>
            <source>Preparing the archive…</source>
            <translation>正在准备资料库…</translation>
        </message>
    </context>
    <context>
        <name>ArticleCommands</name>
        <message>
            <source>Bookmarked</source>
            <translation>已加书签</translation>
        </message>
        <message>
            <source>Bookmark removed</source>
            <translation>已取消书签</translation>
        </message>
        <message>
            <source>Select some text of the article first</source>
            <translation>请先选中文中的文字</translation>
        </message>
        <message>
            <source>Add Tag</source>
            <translation>添加标签</translation>
        </message>
        <message>
            <source>Tag (one word):</source>
            <translation>标签（一个词）：</translation>
        </message>
    </context>
    <context>
        <name>Printing</name>
        <message>
            <source>Add articles to a brief first.</source>
            <translation>请先向专题汇编加入文章。</translation>
        </message>
        <message>
            <source>Open an article to print it.</source>
            <translation>请先打开要打印的文章。</translation>
        </message>
        <message>
            <source>Print</source>
            <translation>打印</translation>
        </message>
        <message>
            <source>Print Preview — %1</source>
            <translation>打印预览 — %1</translation>
        </message>
    </context>
    <!-- search results: folding, marks, saved searches -->
    <context>
        <name>ResultDelegate</name>
        <message>
            <source>in a brief</source>
            <translation>已编入</translation>
        </message>
        <message>
            <source>Same text: %1</source>
            <translation>同文：%1</translation>
        </message>
        <message numerus="yes">
            <source>%n reprint(s) folded: %1</source>
            <translation>
                <numerusform>另有 %n 篇转载：%1</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ResultsPanel</name>
        <message>
            <source>Fold reprints</source>
            <translation>折叠转载</translation>
        </message>
        <message>
            <source>Show edited reprints in the row of their first printing</source>
            <translation>把改编转载折叠到最初刊发的一行</translation>
        </message>
        <message>
            <source>Search Within</source>
            <translation>在结果中检索</translation>
        </message>
        <message>
            <source>Search within these results</source>
            <translation>在这些结果中检索</translation>
        </message>
        <message>
            <source>Type a further query that these results must match as well</source>
            <translation>再输入一个检索式，结果须同时满足</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>导出结果…</translation>
        </message>
        <message>
            <source>Export the results</source>
            <translation>导出检索结果</translation>
        </message>
        <message>
            <source>Write every result (not only those loaded) to .xlsx, .csv or .docx</source>
            <translation>把全部检索结果（不只是已载入的）写成 .xlsx、.csv 或 .docx</translation>
        </message>
    </context>
    <context>
        <name>LibraryTreeModel</name>
        <message>
            <source> (in a brief)</source>
            <translation>（已编入）</translation>
        </message>
        <message>
            <source>In a brief: %1</source>
            <translation>已编入：%1</translation>
        </message>
    </context>
    <context>
        <name>SearchHistory</name>
        <message>
            <source>Saved and recent searches</source>
            <translation>已存检索和最近检索</translation>
        </message>
        <message>
            <source>Saved searches</source>
            <translation>已存检索</translation>
        </message>
        <message>
            <source>Recent searches</source>
            <translation>最近检索</translation>
        </message>
        <message>
            <source>No searches yet</source>
            <translation>尚无检索记录</translation>
        </message>
        <message>
            <source>Save This Search…</source>
            <translation>保存此检索…</translation>
        </message>
        <message>
            <source>Delete Saved Search</source>
            <translation>删除已存检索</translation>
        </message>
        <message>
            <source>Save Search</source>
            <translation>保存检索</translation>
        </message>
        <message>
            <source>Name for “%1”:</source>
            <translation>为“%1”起个名称：</translation>
        </message>
    </context>
    <context>
        <name>SearchBar</name>
        <message>
            <source>Saved and recent searches (Alt+Down)</source>
            <translation>已存检索和最近检索（Alt+↓）</translation>
        </message>
        <message>
            <source>Within “%1” ✕</source>
            <translation>在“%1”中 ✕</translation>
        </message>
        <message>
            <source>Search within these results…</source>
            <translation>在这些结果中检索…</translation>
        </message>
        <message>
            <source>Stop searching within results</source>
            <translation>结束在结果中检索</translation>
        </message>
        <message>
            <source>Back to all of these results</source>
            <translation>回到全部结果</translation>
        </message>
    </context>
    <context>
        <name>HitListExport</name>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>CSV, UTF-8 (*.csv)</source>
            <translation>CSV，UTF-8 (*.csv)</translation>
        </message>
        <message>
            <source>Word document (*.docx)</source>
            <translation>Word 文档 (*.docx)</translation>
        </message>
        <message>
            <source>Export Search Results</source>
            <translation>导出检索结果</translation>
        </message>
        <message>
            <source>Search for something first.</source>
            <translation>请先检索。</translation>
        </message>
        <message numerus="yes">
            <source>%n search result(s) written to:
%1</source>
            <translation>
                <numerusform>已将 %n 条检索结果写入：
%1</numerusform>
            </translation>
        </message>
        <message>
            <source>Open Folder</source>
            <translation>打开所在文件夹</translation>
        </message>
    </context>
    <!-- end of search results -->
</TS>
