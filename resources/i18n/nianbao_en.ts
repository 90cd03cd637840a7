<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
  <context>
    <name>AboutDialog</name>
    <message>
      <source>关于公开年报编辑器</source>
      <translation>About Annual Report Editor</translation>
    </message>
  </context>
  <context>
    <name>App</name>
    <message>
      <source>数据文件正在使用</source>
      <translation>Data file in use</translation>
    </message>
    <message>
      <source>报告数据文件正被另一个正在运行的公开年报编辑器使用（可能在另一个窗口或另一位同事的电脑上）。

可以以只读方式打开：能查看和打印报告，但不能修改。
要修改报告，请先关闭另一个窗口，再重新启动本程序。</source>
      <translation>The report data file is being used by another running copy of the Annual Report Editor (perhaps in another window or on a colleague's computer).

You can open it read-only: you can view and print reports but not change them.
To change reports, close the other window first and start this program again.</translation>
    </message>
    <message>
      <source>以只读方式打开</source>
      <translation>Open read-only</translation>
    </message>
    <message>
      <source>退出</source>
      <translation>Quit</translation>
    </message>
    <message>
      <source>无法打开数据文件</source>
      <translation>Cannot open the data file</translation>
    </message>
    <message>
      <source>数据文件夹不能写入</source>
      <translation>The data folder cannot be written</translation>
    </message>
    <message>
      <source>报告数据文件所在的文件夹（%1）不允许写入，修改将无法保存。

可以以只读方式打开：能查看和打印报告，但不能修改。
要修改报告，请让管理员开放这个文件夹的写入权限，或把数据文件放到可以写入的文件夹，再重新启动本程序。</source>
      <translation>The folder of the report data file (%1) does not allow writing, so changes cannot be saved.

You can open it read-only: you can view and print reports, but not change them.
To change reports, ask your administrator for write permission on this folder, or move the data file to a folder you can write to, then start this program again.</translation>
    </message>
    <message>
      <source>数据文件已损坏</source>
      <translation>The data file is damaged</translation>
    </message>
    <message>
      <source>可以把损坏的文件改名保留在原文件夹中（不会删除，可交技术人员恢复），再新建一个空的数据文件继续工作。</source>
      <translation>The damaged file can be renamed and kept in its folder (it is not deleted; a technician can try to recover it), and a new empty data file started so you can go on working.</translation>
    </message>
    <message>
      <source>改名保留并新建</source>
      <translation>Keep it renamed and start anew</translation>
    </message>
    <message>
      <source>无法新建数据文件</source>
      <translation>Cannot start a new data file</translation>
    </message>
    <message>
      <source>已新建数据文件</source>
      <translation>New data file started</translation>
    </message>
    <message>
      <source>损坏的文件已改名保留为：
%1</source>
      <translation>The damaged file has been kept as:
%1</translation>
    </message>
    <message>
      <source>找到一份完好的备份（%1 保存）。要使用这份备份吗？
损坏的文件会改名保留在原文件夹中，不会被删除。</source>
      <translation>A good backup was found (saved %1). Use this backup?
The damaged file is kept under a new name in the same folder; it is not deleted.</translation>
    </message>
    <message>
      <source>使用备份</source>
      <translation>Use backup</translation>
    </message>
    <message>
      <source>无法使用备份</source>
      <translation>Cannot use the backup</translation>
    </message>
  </context>
  <context>
    <name>BasicInfo</name>
    <message>
      <source>机关名称</source>
      <translation>Agency</translation>
    </message>
    <message>
      <source>例如：某市人民政府办公室</source>
      <translation>e.g. General Office of the XX Municipal People's Government</translation>
    </message>
    <message>
      <source>年度</source>
      <translation>Year</translation>
    </message>
    <message>
      <source>例如：{year}</source>
      <translation>e.g. {year}</translation>
    </message>
    <message>
      <source>报告标题</source>
      <translation>Report title</translation>
    </message>
    <message>
      <source>标题按机关名称和年度自动生成；改动后不再自动更新。</source>
      <translation>The title is made from the agency name and year; once you change it, it is no longer updated automatically.</translation>
    </message>
    <message>
      <source>前言</source>
      <translation>Preamble</translation>
    </message>
    <message>
      <source>报告开头的说明文字（前言）。每行一段，可以留空。</source>
      <translation>Introductory text at the start of the report (preamble). One paragraph per line; may be left empty.</translation>
    </message>
    <message>
      <source>联系地址</source>
      <translation>Address</translation>
    </message>
    <message>
      <source>联系电话</source>
      <translation>Telephone</translation>
    </message>
    <message>
      <source>数据统计截止日期</source>
      <translation>Statistics cut-off date</translation>
    </message>
    <message>
      <source>例如：{year}年12月31日</source>
      <translation>e.g. {year}年12月31日</translation>
    </message>
    <message>
      <source>前言中没有写到的联系地址、联系电话和截止日期，打印时自动加在前言之后。</source>
      <translation>An address, telephone number and cut-off date that the preamble does not state are printed after the preamble.</translation>
    </message>
    <message>
      <source>署名机关</source>
      <translation>Signing agency</translation>
    </message>
    <message>
      <source>可不填；填写后印在报告末尾</source>
      <translation>Optional; printed at the end of the report</translation>
    </message>
    <message>
      <source>成文日期</source>
      <translation>Date of issue</translation>
    </message>
    <message>
      <source>可不填，例如：{next_year}年1月6日</source>
      <translation>Optional, e.g. {next_year}年1月6日</translation>
    </message>
  </context>
  <context>
    <name>BasicInfoTab</name>
    <message>
      <source>年度应为 %1 至 %2 之间的四位数字，例如 2024。</source>
      <translation>The year must be a four-digit number from %1 to %2, e.g. 2024.</translation>
    </message>
  </context>
  <context>
    <name>CrashHandler</name>
    <message>
      <source>程序遇到了一个意外的问题，刚才的操作可能没有完成。</source>
      <translation>The program ran into an unexpected problem; the last action may not have finished.</translation>
    </message>
    <message>
      <source>您正在编辑的报告已经保存，内容不会丢失。</source>
      <translation>The report you are editing has been saved; nothing is lost.</translation>
    </message>
    <message>
      <source>您正在编辑的报告未能自动保存，请不要关闭程序，先试着按 Ctrl+S 保存。</source>
      <translation>The report you are editing could not be saved automatically. Do not close the program; try saving with Ctrl+S first.</translation>
    </message>
    <message>
      <source>您可以继续工作；如果问题反复出现，请把下面文件夹中的日志文件发给技术支持：</source>
      <translation>You can continue working. If the problem keeps happening, send the log file in this folder to technical support:</translation>
    </message>
    <message>
      <source>公开年报编辑器</source>
      <translation>Annual Report Editor</translation>
    </message>
  </context>
  <context>
    <name>ExportController</name>
    <message>
      <source>导出 PDF</source>
      <translation>Export PDF</translation>
    </message>
    <message>
      <source>报告中还有 %1 处错误、%2 处待填，仍要导出吗？</source>
      <translation>The report still has %1 errors and %2 items to fill in. Export anyway?</translation>
    </message>
    <message>
      <source>报告中还有 %1 处错误，仍要导出吗？</source>
      <translation>The report still has %1 error(s). Export anyway?</translation>
    </message>
    <message>
      <source>查看</source>
      <translation>View</translation>
    </message>
    <message>
      <source>仍然导出</source>
      <translation>Export anyway</translation>
    </message>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>PDF 文件 (*.pdf)</source>
      <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
      <source>请稍候</source>
      <translation>Please wait</translation>
    </message>
    <message>
      <source>上一份 PDF 还在生成，请稍候。</source>
      <translation>The previous PDF is still being made, please wait.</translation>
    </message>
    <message>
      <source>正在生成 PDF……</source>
      <translation>Making the PDF…</translation>
    </message>
    <message>
      <source>正在导出 PDF……</source>
      <translation>Exporting the PDF…</translation>
    </message>
    <message>
      <source>报告还没有填完（%2 处待填），仍要导出吗？</source>
      <translation>The report is not finished yet (%2 items to fill in). Export anyway?</translation>
    </message>
    <message>
      <source>选择「查看」可逐一查看并补全、更正。</source>
      <translation>Choose “View” to go through them and complete or correct them.</translation>
    </message>
    <message>
      <source>请先补全、更正报告，再导出 PDF。</source>
      <translation>Please complete and correct the report first, then export the PDF.</translation>
    </message>
    <message>
      <source>正在更新预览……</source>
      <translation>Updating the preview…</translation>
    </message>
    <message>
      <source>正在准备打印……</source>
      <translation>Preparing to print…</translation>
    </message>
    <message>
      <source>无法打印：生成的 PDF 无法读取。请再试一次。</source>
      <translation>Cannot print: the generated PDF cannot be read. Please try again.</translation>
    </message>
    <message>
      <source>已取消打印。</source>
      <translation>Printing cancelled.</translation>
    </message>
    <message>
      <source>正在打印……</source>
      <translation>Printing…</translation>
    </message>
    <message>
      <source>文件「%1」</source>
      <translation>file “%1”</translation>
    </message>
    <message>
      <source>打印机「%1」</source>
      <translation>printer “%1”</translation>
    </message>
    <message>
      <source>已发送到%1，共 %2 页。</source>
      <translation>Sent to %1, %2 page(s).</translation>
    </message>
    <message>
      <source>已导出到「%1」，共 %2 页。</source>
      <translation>Exported to “%1”, %2 page(s).</translation>
    </message>
    <message>
      <source>所用字体：%1。</source>
      <translation>Fonts used: %1.</translation>
    </message>
    <message>
      <source>部分字体</source>
      <translation>some fonts</translation>
    </message>
    <message>
      <source>本机没有%1的正式字体，已用相近字体代替；可在「设置 → 字体」中指定字体文件。</source>
      <translation>The official font for %1 is not installed on this computer; a similar font was used instead. You can choose a font file under “Settings → Fonts”.</translation>
    </message>
    <message>
      <source>……等共 %1 处</source>
      <translation>… %1 in all</translation>
    </message>
    <message>
      <source>PDF 已导出，但以下字符在所有可用字体中都找不到，打印出来会是空白或方框：</source>
      <translation>The PDF was exported, but these characters are in none of the available fonts and will print as blanks or boxes:</translation>
    </message>
    <message>
      <source>请在「设置 → 字体」中选择包含这些字的字体，或改写这些字后重新导出。</source>
      <translation>Choose a font that has these characters under “Settings → Fonts”, or reword them, then export again.</translation>
    </message>
  </context>
  <context>
    <name>ExportWorker</name>
    <message>
      <source>没有指定要保存的文件。</source>
      <translation>No file was chosen to save to.</translation>
    </message>
    <message>
      <source>生成 PDF 时出现意外错误（%1）。报告内容没有受影响；请稍后再试，如仍不行请把日志文件发给技术支持。</source>
      <translation>An unexpected error occurred while making the PDF (%1). The report itself is not affected; please try again later, and if it still fails send the log file to technical support.</translation>
    </message>
  </context>
  <context>
    <name>FindBar</name>
    <message>
      <source>要查找的文字</source>
      <translation>Text to find</translation>
    </message>
    <message>
      <source>查找内容</source>
      <translation>Find text</translation>
    </message>
    <message>
      <source>查找下一个</source>
      <translation>Find next</translation>
    </message>
    <message>
      <source>查找下一处 (F3)</source>
      <translation>Find the next place (F3)</translation>
    </message>
    <message>
      <source>关闭查找栏 (Esc)</source>
      <translation>Close the find bar (Esc)</translation>
    </message>
    <message>
      <source>关闭查找栏</source>
      <translation>Close the find bar</translation>
    </message>
    <message>
      <source>查找：</source>
      <translation>Find:</translation>
    </message>
    <message>
      <source>找不到“%1”</source>
      <translation>“%1” not found</translation>
    </message>
  </context>
  <context>
    <name>FindingsPanel</name>
    <message>
      <source>忽略此提醒…</source>
      <translation>Dismiss this warning…</translation>
    </message>
    <message>
      <source>恢复提醒</source>
      <translation>Restore warning</translation>
    </message>
    <message>
      <source>未发现问题。</source>
      <translation>No problems found.</translation>
    </message>
    <message>
      <source>%1（%2）</source>
      <translation>%1 (%2)</translation>
    </message>
    <message>
      <source>
理由：</source>
      <translation>
Reason: </translation>
    </message>
    <message>
      <source>错误 %1　提醒 %2　待填 %3</source>
      <translation>Errors %1   Warnings %2   To fill %3</translation>
    </message>
    <message>
      <source>　已忽略 %1</source>
      <translation>   Dismissed %1</translation>
    </message>
    <message>
      <source>错误（必须改正）</source>
      <translation>Errors (must be corrected)</translation>
    </message>
    <message>
      <source>提醒（请核实）</source>
      <translation>Warnings (please check)</translation>
    </message>
    <message>
      <source>待填</source>
      <translation>To fill</translation>
    </message>
    <message>
      <source>已忽略的提醒</source>
      <translation>Dismissed warnings</translation>
    </message>
    <message>
      <source>只有「提醒」可以忽略；「错误」请改正数据。</source>
      <translation>Only warnings can be dismissed; please correct the data for errors.</translation>
    </message>
    <message>
      <source>忽略提醒</source>
      <translation>Dismiss warning</translation>
    </message>
    <message>
      <source>请写明不需要修改的理由（例如「本机关无规章制定权」）。
理由会保存在报告里：</source>
      <translation>Please give the reason why no change is needed (e.g. “this agency has no power to make regulations”).
The reason is kept in the report:</translation>
    </message>
    <message>
      <source>没有填写理由，提醒未忽略。</source>
      <translation>No reason given; the warning was not dismissed.</translation>
    </message>
    <message>
      <source>已忽略这条提醒，可在「已忽略的提醒」中恢复。</source>
      <translation>Warning dismissed; you can restore it under “Dismissed warnings”.</translation>
    </message>
    <message>
      <source>已恢复这条提醒。</source>
      <translation>Warning restored.</translation>
    </message>
    <message>
      <source>只读方式打开时不能忽略或恢复提醒。</source>
      <translation>Warnings cannot be dismissed or restored while the data file is open read-only.</translation>
    </message>
    <message>
      <source>错误不能忽略，请改正表格或文字。</source>
      <translation>Errors cannot be dismissed; please correct the table or text.</translation>
    </message>
    <message>
      <source>写明理由后忽略这条提醒。</source>
      <translation>Dismiss this warning after giving a reason.</translation>
    </message>
    <message>
      <source>转到</source>
      <translation>Go to</translation>
    </message>
  </context>
  <context>
    <name>FontSettingsPage</name>
    <message>
      <source>打印年报时，程序会自动使用本机安装的公文字体（如方正小标宋简体、仿宋_GB2312）；找不到时用相近的字体代替。您也可以为每一项指定一个 TrueType 字体文件（.ttf 或 .ttc）。</source>
      <translation>When printing the report, the program uses the official document fonts installed on this computer (such as FZXiaoBiaoSong and FangSong_GB2312); when one is missing, a similar font is used instead. You can also choose a TrueType font file (.ttf or .ttc) for each role.</translation>
    </message>
    <message>
      <source>字体</source>
      <translation>Fonts</translation>
    </message>
    <message>
      <source>选择%1字体文件</source>
      <translation>Choose the font file for %1</translation>
    </message>
    <message>
      <source>TrueType 字体 (*.ttf *.ttc *.TTF *.TTC);;所有文件 (*)</source>
      <translation>TrueType fonts (*.ttf *.ttc *.TTF *.TTC);;All files (*)</translation>
    </message>
    <message>
      <source>用于</source>
      <translation>Used for</translation>
    </message>
    <message>
      <source>当前使用</source>
      <translation>Font now used</translation>
    </message>
    <message>
      <source>情况</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>选择文件…</source>
      <translation>Choose file…</translation>
    </message>
    <message>
      <source>自动</source>
      <translation>Automatic</translation>
    </message>
    <message>
      <source>不指定文件，由程序自动寻找</source>
      <translation>No file chosen; the program finds a font itself</translation>
    </message>
    <message>
      <source>您指定的文件：%1</source>
      <translation>Your file: %1</translation>
    </message>
    <message>
      <source>正式字体</source>
      <translation>Official font</translation>
    </message>
    <message>
      <source>。暂用替代字体</source>
      <translation>. A substitute font is used for now</translation>
    </message>
    <message>
      <source>替代字体（本机未安装正式字体）</source>
      <translation>Substitute font (the official font is not installed)</translation>
    </message>
  </context>
  <context>
    <name>GridView</name>
    <message>
      <source>剪切</source>
      <translation>Cut</translation>
    </message>
    <message>
      <source>全选</source>
      <translation>Select All</translation>
    </message>
    <message numerus="yes">
      <source>已填入 %n 个单元格。</source>
      <translation>
        <numerusform>Filled %n cell.</numerusform>
        <numerusform>Filled %n cells.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>已粘贴 %n 个单元格。</source>
      <translation>
        <numerusform>Pasted %n cell.</numerusform>
        <numerusform>Pasted %n cells.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>有 %n 个未接受，例如%1：%2</source>
      <translation>
        <numerusform>%n value was not accepted, e.g. %1: %2</numerusform>
        <numerusform>%n values were not accepted, e.g. %1: %2</numerusform>
      </translation>
    </message>
    <message>
      <source>标记为不适用（打印为「/」）</source>
      <translation>Mark as not applicable (printed as “/”)</translation>
    </message>
    <message>
      <source>清空</source>
      <translation>Clear</translation>
    </message>
    <message>
      <source>复制</source>
      <translation>Copy</translation>
    </message>
    <message>
      <source>粘贴</source>
      <translation>Paste</translation>
    </message>
  </context>
  <context>
    <name>Help</name>
    <message>
      <source>&lt;h2&gt;公开年报编辑器 使用说明&lt;/h2&gt;&lt;h3&gt;一、开始一份报告&lt;/h3&gt;&lt;p&gt;点“文件 › 新建年度报告”（Ctrl+N），填写机关名称和年度，程序会自动选用该年度的报告格式并拟好标题。也可以点“从文本导入”，把往年的报告（.txt 文本或 .json 交换文件）导入后在其基础上修改。&lt;/p&gt;&lt;h3&gt;二、填写&lt;/h3&gt;&lt;p&gt;窗口左侧列出报告的各个部分，点一项即可填写；“基本信息”页填写标题、联系方式等。统计表中直接输入数字，也可以从 Excel/WPS 表格复制一块粘贴进来；“总计”等合计格由程序自动计算，不需要填写。不适用的格子可以标为“/”。某一部分没有内容时可以留空，打印时显示“无”。&lt;/p&gt;&lt;p&gt;右侧的“检查结果”会随时列出前后矛盾或漏填的地方，点一条即可跳到对应位置。确认无误的提醒可以填写说明后忽略。&lt;/p&gt;&lt;h3&gt;三、保存&lt;/h3&gt;&lt;p&gt;所填内容每隔一会儿自动保存，窗口底部会显示最近一次保存的时间；也可以随时按 Ctrl+S 保存。撤销为 Ctrl+Z，重做为 Ctrl+Y；在报告中找字按 Ctrl+F。&lt;/p&gt;&lt;h3&gt;四、打印和保存为 PDF&lt;/h3&gt;&lt;p&gt;“文件 › 打印预览”先看看排版效果；“导出 PDF”生成符合公文格式（GB/T 9704）的 PDF 文件，可以上传网站或发送；“打印”（Ctrl+P）直接送打印机。本机没有正式的公文字体时，程序先用相近的字体代替并会提示，可在“工具 › 设置 › 字体”中指定字体文件。&lt;/p&gt;&lt;h3&gt;五、管理报告&lt;/h3&gt;&lt;p&gt;“文件 › 打开报告”（Ctrl+O）回到报告列表。删除的报告先放进回收站，在“文件 › 回收站”中可以恢复。&lt;/p&gt;&lt;h3&gt;遇到问题&lt;/h3&gt;&lt;p&gt;程序出错时会自动保存您的报告，并把详细情况记入日志文件；“帮助 › 关于”中可以看到数据和日志保存在哪个文件夹。&lt;/p&gt;</source>
      <translation>&lt;h2&gt;Annual Report Editor – how to use it&lt;/h2&gt;&lt;h3&gt;1. Start a report&lt;/h3&gt;&lt;p&gt;Choose “File › New annual report” (Ctrl+N), enter the agency name and the year; the program picks the report format for that year and proposes the title. You can also choose “Import from text” to import last year's report (.txt text or .json exchange file) and edit it.&lt;/p&gt;&lt;h3&gt;2. Fill it in&lt;/h3&gt;&lt;p&gt;The parts of the report are listed on the left of the window; click one to fill it in. The “Basic information” page holds the title, contact details and so on. Type numbers straight into the statistics tables, or paste a block copied from Excel/WPS; totals are computed by the program. Cells that do not apply can be marked “/”. A part with nothing to report can be left empty; it prints as “无” (none).&lt;/p&gt;&lt;p&gt;The “Check results” panel on the right lists contradictions and gaps as you type; click one to jump to it. A reminder you have checked can be dismissed with a note.&lt;/p&gt;&lt;h3&gt;3. Saving&lt;/h3&gt;&lt;p&gt;Your work is saved automatically every few moments; the bottom of the window shows when it was last saved. You can also press Ctrl+S at any time. Undo is Ctrl+Z, redo Ctrl+Y; Ctrl+F finds text in the report.&lt;/p&gt;&lt;h3&gt;4. Print and PDF&lt;/h3&gt;&lt;p&gt;“File › Print preview” shows the layout; “Export PDF” makes a PDF in official document format (GB/T 9704) for the website or e-mail; “Print” (Ctrl+P) sends it to the printer. Where the official fonts are not installed the program uses similar ones and says so; font files can be chosen in “Tools › Settings › Fonts”.&lt;/p&gt;&lt;h3&gt;5. Managing reports&lt;/h3&gt;&lt;p&gt;“File › Open report” (Ctrl+O) returns to the report list. Deleted reports go to the recycle bin first and can be restored from “File › Recycle bin”.&lt;/p&gt;&lt;h3&gt;When something goes wrong&lt;/h3&gt;&lt;p&gt;If the program hits an error it saves your report and writes the details to a log file; “Help › About” shows the folders where data and logs are kept.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>（未打开）</source>
      <translation>(not open)</translation>
    </message>
    <message>
      <source>&lt;h3&gt;公开年报编辑器&lt;/h3&gt;</source>
      <translation>&lt;h3&gt;Annual Report Editor&lt;/h3&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;版本 %1&lt;/p&gt;</source>
      <translation>&lt;p&gt;Version %1&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;用于填写、检查和打印政府信息公开工作年度报告。&lt;/p&gt;</source>
      <translation>&lt;p&gt;Fill in, check and print the annual reports on government information disclosure.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;报告数据文件：&lt;br/&gt;%1&lt;/p&gt;</source>
      <translation>&lt;p&gt;Report data file:&lt;br/&gt;%1&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;日志文件夹：&lt;br/&gt;%1&lt;/p&gt;</source>
      <translation>&lt;p&gt;Log folder:&lt;br/&gt;%1&lt;/p&gt;</translation>
    </message>
  </context>
  <context>
    <name>HelpDialog</name>
    <message>
      <source>使用说明</source>
      <translation>How to use</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>知道了</source>
      <translation>OK, got it</translation>
    </message>
    <message>
      <source>保存状态</source>
      <translation>Save status</translation>
    </message>
    <message>
      <source>无法打开报告</source>
      <translation>Cannot open the report</translation>
    </message>
    <message>
      <source>报告未能保存</source>
      <translation>The report could not be saved</translation>
    </message>
    <message>
      <source>报告的最新修改未能保存：
%1

修改已临时保存在恢复文件中，下次打开时可以恢复。仍要关闭这份报告吗？</source>
      <translation>The latest changes to the report could not be saved:
%1

They are kept in a recovery file and can be restored the next time. Close this report anyway?</translation>
    </message>
    <message>
      <source>修改会自动保存</source>
      <translation>Changes are saved automatically</translation>
    </message>
    <message>
      <source>检查结果</source>
      <translation>Check results</translation>
    </message>
    <message>
      <source>已保存。</source>
      <translation>Saved.</translation>
    </message>
    <message>
      <source>只读：数据文件正被另一个窗口使用，或所在的文件夹不允许写入。现在可以查看和打印报告，但所做的修改不会保存。要修改报告，请关闭另一个窗口（或把数据文件放到可以写入的文件夹）后重新启动本程序。</source>
      <translation>Read-only: the data file is being used by another window, or its folder does not allow writing. You can view and print reports, but changes will not be saved. To change reports, close the other window (or move the data file to a folder you can write to) and start this program again.</translation>
    </message>
    <message>
      <source>设置</source>
      <translation>Settings</translation>
    </message>
    <message>
      <source>界面语言将在下次启动本程序时更改。</source>
      <translation>The interface language changes the next time the program starts.</translation>
    </message>
    <message>
      <source>已保存 %1</source>
      <translation>Saved %1</translation>
    </message>
    <message>
      <source>未保存！</source>
      <translation>Not saved!</translation>
    </message>
    <message>
      <source>保存失败：</source>
      <translation>Saving failed: </translation>
    </message>
    <message>
      <source>公开年报编辑器</source>
      <translation>Annual Report Editor</translation>
    </message>
    <message>
      <source>［只读］</source>
      <translation> [read-only]</translation>
    </message>
  </context>
  <context>
    <name>NewReportDialog</name>
    <message>
      <source>新建年度报告</source>
      <translation>New annual report</translation>
    </message>
    <message>
      <source>例如：某某市人民政府办公室</source>
      <translation>e.g. General Office of the XX City People's Government</translation>
    </message>
    <message>
      <source>机关名称</source>
      <translation>Agency</translation>
    </message>
    <message>
      <source> 年</source>
      <translation> </translation>
    </message>
    <message>
      <source>报告年度</source>
      <translation>Report year</translation>
    </message>
    <message>
      <source>报告格式</source>
      <translation>Report format</translation>
    </message>
    <message>
      <source>报告标题</source>
      <translation>Report title</translation>
    </message>
    <message>
      <source>机关名称(&amp;A)：</source>
      <translation>&amp;Agency:</translation>
    </message>
    <message>
      <source>报告年度(&amp;Y)：</source>
      <translation>&amp;Year:</translation>
    </message>
    <message>
      <source>报告格式(&amp;F)：</source>
      <translation>&amp;Format:</translation>
    </message>
    <message>
      <source>报告标题：</source>
      <translation>Title:</translation>
    </message>
    <message>
      <source>创建</source>
      <translation>Create</translation>
    </message>
    <message>
      <source>报告格式按年度自动选择，一般不需要改动。</source>
      <translation>The format is chosen from the year; usually there is no need to change it.</translation>
    </message>
    <message>
      <source>（机关名称）</source>
      <translation>(agency)</translation>
    </message>
    <message>
      <source>请填写机关名称，例如“某某市人民政府办公室”。</source>
      <translation>Please enter the agency name, e.g. “General Office of the XX City People's Government”.</translation>
    </message>
  </context>
  <context>
    <name>PreviewWindow</name>
    <message>
      <source>打印预览</source>
      <translation>Print preview</translation>
    </message>
    <message>
      <source>正在生成预览……</source>
      <translation>Making the preview…</translation>
    </message>
    <message>
      <source>打印…</source>
      <translation>Print…</translation>
    </message>
    <message>
      <source>导出 PDF…</source>
      <translation>Export PDF…</translation>
    </message>
    <message>
      <source>适合宽度</source>
      <translation>Fit width</translation>
    </message>
    <message>
      <source>整页</source>
      <translation>Whole page</translation>
    </message>
    <message>
      <source>放大</source>
      <translation>Zoom in</translation>
    </message>
    <message>
      <source>缩小</source>
      <translation>Zoom out</translation>
    </message>
    <message>
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>预览无法显示：生成的 PDF 无法读取。请再试一次。</source>
      <translation>The preview cannot be shown: the PDF made for it cannot be read. Please try again.</translation>
    </message>
    <message numerus="yes">
      <source>共 %n 页</source>
      <translation>
        <numerusform>%n page</numerusform>
        <numerusform>%n pages</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Printing</name>
    <message>
      <source>打印年报</source>
      <translation>Print the annual report</translation>
    </message>
    <message>
      <source>无法开始打印：打印机没有响应。请检查打印机后再试。</source>
      <translation>Printing cannot start: the printer does not respond. Please check the printer and try again.</translation>
    </message>
  </context>
  <context>
    <name>ReportEditor</name>
    <message>
      <source>基本信息</source>
      <translation>Basic information</translation>
    </message>
    <message>
      <source>撤销</source>
      <translation>Undo</translation>
    </message>
    <message>
      <source>重做</source>
      <translation>Redo</translation>
    </message>
    <message>
      <source>本节有需要改正的错误</source>
      <translation>This section has errors to correct</translation>
    </message>
    <message>
      <source>本节有需要核实的提醒</source>
      <translation>This section has warnings to check</translation>
    </message>
    <message>
      <source>本节尚未填写</source>
      <translation>This section is not filled in yet</translation>
    </message>
    <message>
      <source>本节已填写</source>
      <translation>This section is filled in</translation>
    </message>
  </context>
  <context>
    <name>ReportLibrary</name>
    <message>
      <source>交换文件</source>
      <translation>exchange file</translation>
    </message>
    <message>
      <source>无法读取报告列表</source>
      <translation>Cannot read the report list</translation>
    </message>
    <message>
      <source>从文本导入报告</source>
      <translation>Import a report from text</translation>
    </message>
    <message>
      <source>报告文件 (*.txt *.json);;文本文件 (*.txt);;交换文件 (*.nianbao.json *.json)</source>
      <translation>Report files (*.txt *.json);;Text files (*.txt);;Exchange files (*.nianbao.json *.json)</translation>
    </message>
    <message>
      <source>无法导入</source>
      <translation>Cannot import</translation>
    </message>
    <message>
      <source>导入完成，请核对</source>
      <translation>Imported – please check</translation>
    </message>
    <message>
      <source>报告已导入。以下地方请核对：</source>
      <translation>The report was imported. Please check these points:</translation>
    </message>
    <message>
      <source>报告已导入。</source>
      <translation>The report was imported.</translation>
    </message>
    <message>
      <source>导出交换文件</source>
      <translation>Export exchange file</translation>
    </message>
    <message>
      <source>公开年报交换文件 (*.nianbao.json)</source>
      <translation>nianbao exchange files (*.nianbao.json)</translation>
    </message>
    <message>
      <source>无法导出交换文件</source>
      <translation>Cannot export the exchange file</translation>
    </message>
    <message>
      <source>已导出交换文件：%1</source>
      <translation>Exchange file exported: %1</translation>
    </message>
    <message>
      <source>无法保存新报告</source>
      <translation>Cannot save the new report</translation>
    </message>
    <message>
      <source>报告将移到回收站，需要时可以在“文件 › 回收站”中恢复。</source>
      <translation>The report goes to the recycle bin; you can restore it from “File › Recycle bin”.</translation>
    </message>
    <message>
      <source>删除报告</source>
      <translation>Delete report</translation>
    </message>
    <message>
      <source>要删除“%1”吗？</source>
      <translation>Delete “%1”?</translation>
    </message>
    <message>
      <source>无法删除报告</source>
      <translation>Cannot delete the report</translation>
    </message>
    <message>
      <source>报告已删除。</source>
      <translation>The report was deleted.</translation>
    </message>
    <message>
      <source>（没有最近打开的报告）</source>
      <translation>(no recent reports)</translation>
    </message>
  </context>
  <context>
    <name>ReportListModel</name>
    <message>
      <source>机关名称</source>
      <translation>Agency</translation>
    </message>
    <message>
      <source>年度</source>
      <translation>Year</translation>
    </message>
    <message>
      <source>格式</source>
      <translation>Format</translation>
    </message>
    <message>
      <source>最后修改</source>
      <translation>Last changed</translation>
    </message>
    <message>
      <source>（未填机关名称）</source>
      <translation>(no agency name)</translation>
    </message>
  </context>
  <context>
    <name>ReportSession</name>
    <message>
      <source>上次程序意外关闭，已恢复未保存的修改。</source>
      <translation>The program was closed unexpectedly last time; your unsaved changes have been restored.</translation>
    </message>
    <message>
      <source>修改机关名称</source>
      <translation>Change agency name</translation>
    </message>
    <message>
      <source>修改年度</source>
      <translation>Change year</translation>
    </message>
    <message>
      <source>修改</source>
      <translation>Change</translation>
    </message>
    <message>
      <source>修改前言</source>
      <translation>Change preamble</translation>
    </message>
    <message>
      <source>修改第%1部分</source>
      <translation>Change part %1</translation>
    </message>
    <message>
      <source>修改正文</source>
      <translation>Change text</translation>
    </message>
    <message>
      <source>修改表格数据</source>
      <translation>Change table data</translation>
    </message>
    <message>
      <source>忽略提醒</source>
      <translation>Dismiss warning</translation>
    </message>
    <message>
      <source>恢复提醒</source>
      <translation>Restore warning</translation>
    </message>
    <message>
      <source>保存失败：%1 您的修改仍保留在程序中，并已另存到恢复记录；请处理后按 Ctrl+S 重新保存。</source>
      <translation>Saving failed: %1 Your changes are still in the program and have been kept in the recovery record; please fix the problem and press Ctrl+S to save again.</translation>
    </message>
    <message>
      <source>保存失败：无法写入数据文件（%1）。您的修改仍保留在程序中，并已另存到恢复记录；请检查磁盘空间和文件是否只读，然后按 Ctrl+S 重新保存。</source>
      <translation>Saving failed: the data file cannot be written (%1). Your changes are still in the program and have been kept in the recovery record; check the disk space and whether the file is read-only, then press Ctrl+S to save again.</translation>
    </message>
  </context>
  <context>
    <name>SectionTab</name>
    <message>
      <source>本节写什么：</source>
      <translation>What this section is about: </translation>
    </message>
    <message>
      <source>在此填写本节内容，每行一段。</source>
      <translation>Write this section here, one paragraph per line.</translation>
    </message>
    <message>
      <source>本节没有内容时可以留空，打印时显示「%1」。</source>
      <translation>If there is nothing to report, leave it empty; “%1” is printed.</translation>
    </message>
    <message>
      <source>说明文字（可不填）</source>
      <translation>Notes (optional)</translation>
    </message>
    <message>
      <source>字数：%1</source>
      <translation>Characters: %1</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <source>设置</source>
      <translation>Settings</translation>
    </message>
    <message>
      <source>语言</source>
      <translation>Language</translation>
    </message>
    <message>
      <source>字体</source>
      <translation>Fonts</translation>
    </message>
    <message>
      <source>界面语言</source>
      <translation>Interface language</translation>
    </message>
    <message>
      <source>更改界面语言后，请关闭并重新启动本程序才能生效。
报告正文中的文字（标题、各部分标题、表格）始终为中文，不受此设置影响。</source>
      <translation>After changing the interface language, close and restart the program for it to take effect.
The text of the report itself (title, headings, tables) is always Chinese and is not affected.</translation>
    </message>
    <message>
      <source>界面语言(&amp;L)：</source>
      <translation>Interface &amp;language:</translation>
    </message>
  </context>
  <context>
    <name>StartPage</name>
    <message>
      <source>欢迎使用公开年报编辑器</source>
      <translation>Welcome to the Annual Report Editor</translation>
    </message>
    <message>
      <source>在这里填写本机关的政府信息公开工作年度报告：
· 按报告的各个部分分页填写，统计表自动合计、随时核对；
· 可以导入往年的报告文本，在其基础上修改；
· 填好后按公文格式（GB/T 9704）打印或保存为 PDF。

所有内容都自动保存在本机，不会上传到网络。</source>
      <translation>Fill in your agency's annual report on government information disclosure here:
· one page per part of the report; tables add up and are checked as you type;
· import last year's report text and edit it;
· print it or save it as a PDF in official document format (GB/T 9704).

Everything is saved on this computer automatically; nothing is uploaded.</translation>
    </message>
    <message>
      <source>新建年度报告</source>
      <translation>New annual report</translation>
    </message>
    <message>
      <source>从空白开始填写一份新的年度报告</source>
      <translation>Start a new annual report from blank</translation>
    </message>
    <message>
      <source>从文本导入…</source>
      <translation>Import from text…</translation>
    </message>
    <message>
      <source>把往年的报告（.txt 文本或 .json 交换文件）导入后修改</source>
      <translation>Import an earlier report (.txt text or .json exchange file) and edit it</translation>
    </message>
    <message>
      <source>使用说明</source>
      <translation>How to use</translation>
    </message>
    <message>
      <source>查看简短的使用说明</source>
      <translation>Read the short guide</translation>
    </message>
    <message>
      <source>年度报告</source>
      <translation>Annual reports</translation>
    </message>
    <message>
      <source>按机关名称或年度筛选</source>
      <translation>Filter by agency or year</translation>
    </message>
    <message>
      <source>筛选报告</source>
      <translation>Filter reports</translation>
    </message>
    <message>
      <source>报告列表</source>
      <translation>Report list</translation>
    </message>
    <message>
      <source>打开</source>
      <translation>Open</translation>
    </message>
    <message>
      <source>打开选中的报告（也可以双击或按回车）</source>
      <translation>Open the selected report (or double-click it, or press Enter)</translation>
    </message>
    <message>
      <source>新建…</source>
      <translation>New…</translation>
    </message>
    <message>
      <source>新建一份年度报告</source>
      <translation>Create a new annual report</translation>
    </message>
    <message>
      <source>导入…</source>
      <translation>Import…</translation>
    </message>
    <message>
      <source>从 .txt 文本或 .json 交换文件导入报告</source>
      <translation>Import a report from a .txt text or .json exchange file</translation>
    </message>
    <message>
      <source>删除</source>
      <translation>Delete</translation>
    </message>
    <message>
      <source>把选中的报告移到回收站</source>
      <translation>Move the selected report to the recycle bin</translation>
    </message>
    <message numerus="yes">
      <source>共 %n 份报告</source>
      <translation>
        <numerusform>%n report</numerusform>
        <numerusform>%n reports</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>TableGridModel</name>
    <message numerus="yes">
      <source>填充 %n 个单元格</source>
      <translation>
        <numerusform>Fill %n cell</numerusform>
        <numerusform>Fill %n cells</numerusform>
      </translation>
    </message>
    <message>
      <source>填写表格</source>
      <translation>Fill in table</translation>
    </message>
    <message>
      <source>清空单元格</source>
      <translation>Clear cells</translation>
    </message>
    <message>
      <source>标记为不适用</source>
      <translation>Mark as not applicable</translation>
    </message>
    <message numerus="yes">
      <source>粘贴 %n 个单元格</source>
      <translation>
        <numerusform>Paste %n cell</numerusform>
        <numerusform>Paste %n cells</numerusform>
      </translation>
    </message>
    <message>
      <source>刚才输入的「%1」未被接受：%2</source>
      <translation>“%1” was not accepted: %2</translation>
    </message>
    <message>
      <source>总计由程序自动计算，不能直接填写。</source>
      <translation>Totals are calculated by the program and cannot be typed in.</translation>
    </message>
    <message>
      <source>尚未填写。没有发生的填 0，不适用的填「/」。</source>
      <translation>Not filled in yet. Enter 0 for none, “/” for not applicable.</translation>
    </message>
  </context>
  <context>
    <name>TrashDialog</name>
    <message>
      <source>回收站</source>
      <translation>Recycle bin</translation>
    </message>
    <message>
      <source>回收站中的报告</source>
      <translation>Reports in the recycle bin</translation>
    </message>
    <message>
      <source>机关名称</source>
      <translation>Agency</translation>
    </message>
    <message>
      <source>年度</source>
      <translation>Year</translation>
    </message>
    <message>
      <source>删除时间</source>
      <translation>Deleted</translation>
    </message>
    <message>
      <source>恢复(&amp;R)</source>
      <translation>&amp;Restore</translation>
    </message>
    <message>
      <source>把选中的报告放回报告列表</source>
      <translation>Put the selected report back into the report list</translation>
    </message>
    <message>
      <source>清空回收站(&amp;E)…</source>
      <translation>&amp;Empty recycle bin…</translation>
    </message>
    <message>
      <source>永久删除回收站中的所有报告</source>
      <translation>Delete every report in the recycle bin for good</translation>
    </message>
    <message>
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>（未填机关名称）</source>
      <translation>(no agency name)</translation>
    </message>
    <message>
      <source>删除的报告会先放在这里，可以恢复。</source>
      <translation>Deleted reports are kept here and can be restored.</translation>
    </message>
    <message>
      <source>回收站是空的。</source>
      <translation>The recycle bin is empty.</translation>
    </message>
    <message>
      <source>无法恢复</source>
      <translation>Cannot restore</translation>
    </message>
    <message>
      <source>清空回收站</source>
      <translation>Empty recycle bin</translation>
    </message>
    <message numerus="yes">
      <source>要永久删除回收站中的 %n 份报告吗？删除后无法恢复。</source>
      <translation>
        <numerusform>Delete %n report in the recycle bin for good? This cannot be undone.</numerusform>
        <numerusform>Delete %n reports in the recycle bin for good? This cannot be undone.</numerusform>
      </translation>
    </message>
    <message>
      <source>无法清空回收站</source>
      <translation>Cannot empty the recycle bin</translation>
    </message>
  </context>
  <context>
    <name>WindowActions</name>
    <message>
      <source>剪切(&amp;T)</source>
      <translation>Cu&amp;t</translation>
    </message>
    <message>
      <source>剪切选中的文字或单元格</source>
      <translation>Cut the selected text or cells</translation>
    </message>
    <message>
      <source>复制(&amp;C)</source>
      <translation>&amp;Copy</translation>
    </message>
    <message>
      <source>复制选中的文字或单元格</source>
      <translation>Copy the selected text or cells</translation>
    </message>
    <message>
      <source>粘贴(&amp;P)</source>
      <translation>&amp;Paste</translation>
    </message>
    <message>
      <source>粘贴；一个数值粘贴到选中的多个单元格时全部填入</source>
      <translation>Paste; one value pasted over several selected cells fills them all</translation>
    </message>
    <message>
      <source>全选(&amp;A)</source>
      <translation>Select &amp;All</translation>
    </message>
    <message>
      <source>选中全部文字或单元格</source>
      <translation>Select all text or cells</translation>
    </message>
    <message>
      <source>下一部分(&amp;N)</source>
      <translation>&amp;Next Part</translation>
    </message>
    <message>
      <source>转到左侧列表中的下一部分</source>
      <translation>Go to the next part in the list on the left</translation>
    </message>
    <message>
      <source>上一部分(&amp;B)</source>
      <translation>Previous Part (&amp;B)</translation>
    </message>
    <message>
      <source>转到左侧列表中的上一部分</source>
      <translation>Go to the previous part in the list on the left</translation>
    </message>
    <message>
      <source>新建年度报告(&amp;N)…</source>
      <translation>&amp;New annual report…</translation>
    </message>
    <message>
      <source>新建一份年度报告</source>
      <translation>Create a new annual report</translation>
    </message>
    <message>
      <source>打开报告(&amp;O)…</source>
      <translation>&amp;Open report…</translation>
    </message>
    <message>
      <source>回到报告列表，打开另一份报告</source>
      <translation>Go back to the report list to open another report</translation>
    </message>
    <message>
      <source>从文本导入(&amp;I)…</source>
      <translation>&amp;Import from text…</translation>
    </message>
    <message>
      <source>把 .txt 文本或 .json 交换文件导入为一份报告</source>
      <translation>Import a .txt text or .json exchange file as a report</translation>
    </message>
    <message>
      <source>保存(&amp;S)</source>
      <translation>&amp;Save</translation>
    </message>
    <message>
      <source>立即保存当前报告</source>
      <translation>Save the current report now</translation>
    </message>
    <message>
      <source>导出 PDF(&amp;E)…</source>
      <translation>&amp;Export PDF…</translation>
    </message>
    <message>
      <source>按公文格式把报告保存为 PDF 文件</source>
      <translation>Save the report as a PDF in official document format</translation>
    </message>
    <message>
      <source>导出交换文件(&amp;J)…</source>
      <translation>Export e&amp;xchange file…</translation>
    </message>
    <message>
      <source>把报告保存为 .nianbao.json 交换文件，可在另一台电脑上导入</source>
      <translation>Save the report as a .nianbao.json exchange file that can be imported on another computer</translation>
    </message>
    <message>
      <source>打印预览(&amp;V)</source>
      <translation>Print pre&amp;view</translation>
    </message>
    <message>
      <source>查看打印出来的样子</source>
      <translation>See what the printout will look like</translation>
    </message>
    <message>
      <source>打印(&amp;P)…</source>
      <translation>&amp;Print…</translation>
    </message>
    <message>
      <source>把报告送到打印机</source>
      <translation>Send the report to the printer</translation>
    </message>
    <message>
      <source>删除报告(&amp;D)…</source>
      <translation>&amp;Delete report…</translation>
    </message>
    <message>
      <source>把报告移到回收站</source>
      <translation>Move the report to the recycle bin</translation>
    </message>
    <message>
      <source>回收站(&amp;T)…</source>
      <translation>Recycle &amp;bin…</translation>
    </message>
    <message>
      <source>查看、恢复已删除的报告</source>
      <translation>See and restore deleted reports</translation>
    </message>
    <message>
      <source>退出(&amp;X)</source>
      <translation>E&amp;xit</translation>
    </message>
    <message>
      <source>保存并退出程序</source>
      <translation>Save and quit the program</translation>
    </message>
    <message>
      <source>查找(&amp;F)…</source>
      <translation>&amp;Find…</translation>
    </message>
    <message>
      <source>在报告中查找文字</source>
      <translation>Find text in the report</translation>
    </message>
    <message>
      <source>查找下一个</source>
      <translation>Find next</translation>
    </message>
    <message>
      <source>查找下一处</source>
      <translation>Find the next place</translation>
    </message>
    <message>
      <source>设置(&amp;S)…</source>
      <translation>&amp;Settings…</translation>
    </message>
    <message>
      <source>界面语言、打印字体等设置</source>
      <translation>Interface language, print fonts and other settings</translation>
    </message>
    <message>
      <source>使用说明(&amp;H)</source>
      <translation>&amp;How to use</translation>
    </message>
    <message>
      <source>简短的使用说明</source>
      <translation>A short guide</translation>
    </message>
    <message>
      <source>关于(&amp;A)</source>
      <translation>&amp;About</translation>
    </message>
    <message>
      <source>版本、数据和日志保存的位置</source>
      <translation>Version, and where data and logs are kept</translation>
    </message>
    <message>
      <source>撤销</source>
      <translation>Undo</translation>
    </message>
    <message>
      <source>撤销上一步修改</source>
      <translation>Undo the last change</translation>
    </message>
    <message>
      <source>重做</source>
      <translation>Redo</translation>
    </message>
    <message>
      <source>重做刚才撤销的修改</source>
      <translation>Redo the change just undone</translation>
    </message>
    <message>
      <source>最近打开(&amp;R)</source>
      <translation>&amp;Recent reports</translation>
    </message>
    <message>
      <source>文件(&amp;F)</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <source>编辑(&amp;E)</source>
      <translation>&amp;Edit</translation>
    </message>
    <message>
      <source>工具(&amp;T)</source>
      <translation>&amp;Tools</translation>
    </message>
    <message>
      <source>帮助(&amp;H)</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <source>工具栏</source>
      <translation>Toolbar</translation>
    </message>
  </context>
  <context>
    <name>ExportResult</name>
    <message>
      <source>已导出：%1</source>
      <translation>Exported: %1</translation>
    </message>
    <message>
      <source>（共 %1 页）</source>
      <translation> (%1 pages)</translation>
    </message>
    <message>
      <source>本机没有%1的正式字体，已用相近字体%2代替；如需正式字体，请在「设置 → 字体」中指定字体文件。</source>
      <translation>This computer has no official %1 font; a similar font%2 was used instead. For the official fonts, choose font files in 设置 → 字体.</translation>
    </message>
    <message>
      <source>导出 %1</source>
      <translation>Export %1</translation>
    </message>
    <message>
      <source>保存在：%1</source>
      <translation>Saved in: %1</translation>
    </message>
    <message>
      <source>打开文件</source>
      <translation>Open File</translation>
    </message>
    <message>
      <source>打开所在文件夹</source>
      <translation>Open Containing Folder</translation>
    </message>
    <message>
      <source>无法打开文件，可能本机没有能打开%1文件的程序。</source>
      <translation>The file could not be opened: this computer may have no program for %1 files.</translation>
    </message>
  </context>
  <context>
    <name>SideTabBar</name>
    <message>
      <source>报告各部分</source>
      <translation>Parts of the report</translation>
    </message>
  </context>
</TS>