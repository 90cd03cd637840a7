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
      <source>文件中有 %1 份报告完好，%2 份无法读取（%3）。
可以把完好的报告挽救到新的数据文件中；损坏的文件会改名保留，不会被删除。</source>
      <translation>%1 report(s) in the file are intact, %2 cannot be read (%3).
The intact reports can be rescued into a new data file; the damaged file is renamed and kept, not deleted.</translation>
    </message>
    <message>
      <source>
也可以改用完好的备份（%1 保存），但备份之后的修改会丢失。</source>
      <translation>
You can also use the intact backup (saved %1), but the changes made after that backup will be lost.</translation>
    </message>
    <message>
      <source>挽救完好的报告</source>
      <translation>Rescue the intact reports</translation>
    </message>
    <message>
      <source>已挽救完好的报告</source>
      <translation>Intact reports rescued</translation>
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
    <name>Banner</name>
    <message>
      <source>知道了</source>
      <translation>OK, got it</translation>
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
    <name>BatchTable</name>
    <message>
      <source>文件</source>
      <translation>File</translation>
    </message>
    <message>
      <source>机关</source>
      <translation>Agency</translation>
    </message>
    <message>
      <source>类别</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>年度</source>
      <translation>Year</translation>
    </message>
    <message>
      <source>文件类型</source>
      <translation>File type</translation>
    </message>
    <message>
      <source>报告格式</source>
      <translation>Report format</translation>
    </message>
    <message>
      <source>错误</source>
      <translation>Errors</translation>
    </message>
    <message>
      <source>提醒</source>
      <translation>Warnings</translation>
    </message>
    <message>
      <source>待填</source>
      <translation>To fill</translation>
    </message>
    <message>
      <source>文字与表格</source>
      <translation>Text vs. tables</translation>
    </message>
    <message>
      <source>上年报告</source>
      <translation>Last year's report</translation>
    </message>
    <message>
      <source>读取说明</source>
      <translation>Reading notes</translation>
    </message>
    <message>
      <source>全部</source>
      <translation>All</translation>
    </message>
    <message>
      <source>有错误</source>
      <translation>With errors</translation>
    </message>
    <message>
      <source>有提醒</source>
      <translation>With warnings</translation>
    </message>
    <message>
      <source>有待填</source>
      <translation>With cells to fill</translation>
    </message>
    <message>
      <source>文字与表格不一致</source>
      <translation>Text and tables disagree</translation>
    </message>
    <message>
      <source>没有问题</source>
      <translation>No problems</translation>
    </message>
    <message>
      <source>无法读取</source>
      <translation>Unreadable</translation>
    </message>
    <message>
      <source>乡镇（街道）</source>
      <translation>Township (subdistrict)</translation>
    </message>
    <message>
      <source>政府</source>
      <translation>Government</translation>
    </message>
    <message>
      <source>部门</source>
      <translation>Department</translation>
    </message>
  </context>
  <context>
    <name>BatchWindow</name>
    <message>
      <source>批量检查</source>
      <translation>Batch check</translation>
    </message>
    <message>
      <source>检查结果</source>
      <translation>Check results</translation>
    </message>
    <message>
      <source>选择文件夹(&amp;D)…</source>
      <translation>Choose &amp;folder…</translation>
    </message>
    <message>
      <source>选择文件(&amp;F)…</source>
      <translation>Choose f&amp;iles…</translation>
    </message>
    <message>
      <source>加入数据文件中的报告(&amp;S)…</source>
      <translation>Add report&amp;s from the data file…</translation>
    </message>
    <message>
      <source>查看(&amp;O)</source>
      <translation>&amp;View</translation>
    </message>
    <message>
      <source>导出 Excel(&amp;X)…</source>
      <translation>Export E&amp;xcel…</translation>
    </message>
    <message>
      <source>导出 CSV(&amp;C)…</source>
      <translation>Export &amp;CSV…</translation>
    </message>
    <message>
      <source>汇总(&amp;H)…</source>
      <translation>Co&amp;nsolidate…</translation>
    </message>
    <message>
      <source>按机关名称或文件名筛选</source>
      <translation>Filter by agency name or file name</translation>
    </message>
    <message>
      <source>按问题筛选</source>
      <translation>Filter by problem</translation>
    </message>
    <message>
      <source>全部类别</source>
      <translation>All kinds</translation>
    </message>
    <message>
      <source>按机关类别筛选</source>
      <translation>Filter by kind of agency</translation>
    </message>
    <message>
      <source>机关：</source>
      <translation>Agency:</translation>
    </message>
    <message>
      <source>问题：</source>
      <translation>Problem:</translation>
    </message>
    <message>
      <source>类别：</source>
      <translation>Kind:</translation>
    </message>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>选择一个文件夹（或几个文件），逐份读取并检查其中的报告：交换文件、Word、PDF、网页和文本报告均可。检查时不会保存任何报告。</source>
      <translation>Choose a folder (or a few files); each report in it is read and checked: exchange files, Word, PDF, web pages and text reports all work. Checking saves no report.</translation>
    </message>
    <message>
      <source>选择报告所在的文件夹</source>
      <translation>Choose the folder with the reports</translation>
    </message>
    <message>
      <source>选择报告文件</source>
      <translation>Choose report files</translation>
    </message>
    <message>
      <source>报告文件 (%1)</source>
      <translation>Report files (%1)</translation>
    </message>
    <message>
      <source>加入数据文件中的报告</source>
      <translation>Add reports from the data file</translation>
    </message>
    <message>
      <source>年度：</source>
      <translation>Year:</translation>
    </message>
    <message>
      <source>无法读取数据文件</source>
      <translation>Cannot read the data file</translation>
    </message>
    <message>
      <source>数据文件中没有 %1 年的其他报告。</source>
      <translation>The data file has no other reports of %1.</translation>
    </message>
    <message>
      <source>所选位置没有可检查的报告文件（%1）。</source>
      <translation>There are no report files to check in the chosen place (%1).</translation>
    </message>
    <message>
      <source>正在读取和检查 %1 份报告…</source>
      <translation>Reading and checking %1 report(s)…</translation>
    </message>
    <message>
      <source>正在取消…</source>
      <translation>Cancelling…</translation>
    </message>
    <message>
      <source>正在检查（%1/%2）：%3</source>
      <translation>Checking (%1/%2): %3</translation>
    </message>
    <message>
      <source>共 %1 份：%2 份有错误（其中 %3 份无法读取），错误 %4 个、提醒 %5 个、待填 %6 项。双击一行查看该报告的问题和内容。</source>
      <translation>%1 report(s): %2 with errors (%3 of them unreadable); %4 error(s), %5 warning(s), %6 item(s) to fill. Double-click a row to see that report's problems and content.</translation>
    </message>
    <message>
      <source>已取消，只检查了一部分文件。</source>
      <translation>Cancelled; only some of the files were checked.</translation>
    </message>
    <message>
      <source>导出 Excel</source>
      <translation>Export Excel</translation>
    </message>
    <message>
      <source>Excel 文件 (*.xlsx)</source>
      <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
      <source>导出 CSV</source>
      <translation>Export CSV</translation>
    </message>
    <message>
      <source>CSV 文件 (*.csv)</source>
      <translation>CSV files (*.csv)</translation>
    </message>
    <message>
      <source>无法导出</source>
      <translation>Cannot export</translation>
    </message>
    <message>
      <source>汇总</source>
      <translation>Consolidate</translation>
    </message>
    <message>
      <source>没有可以汇总的报告。</source>
      <translation>There are no reports to consolidate.</translation>
    </message>
    <message>
      <source>把 %1 份报告的统计表汇总为一份新报告。
汇总报告的机关名称：</source>
      <translation>Add up the statistics tables of %1 report(s) into one new report.
Agency name of the consolidated report:</translation>
    </message>
    <message>
      <source>无法汇总</source>
      <translation>Cannot consolidate</translation>
    </message>
  </context>
  <context>
    <name>ConsolidateDialog</name>
    <message>
      <source>汇总：%1</source>
      <translation>Consolidated: %1</translation>
    </message>
    <message>
      <source>汇总后的统计表有 %1 个错误（来自所汇总报告中的错误），请先请有关单位更正各自的报告。</source>
      <translation>The consolidated tables have %1 error(s) (coming from errors in the reports added up); please ask the agencies concerned to correct their own reports first.</translation>
    </message>
    <message>
      <source>导出 Excel(&amp;X)…</source>
      <translation>Export E&amp;xcel…</translation>
    </message>
    <message>
      <source>每个统计表一页：每个单位一行，最后一行为合计</source>
      <translation>One sheet per statistics table: a row for each agency, the total in the last row</translation>
    </message>
    <message>
      <source>保存为新报告并打开(&amp;S)</source>
      <translation>&amp;Save as a new report and open it</translation>
    </message>
    <message>
      <source>把汇总报告保存到数据文件，在编辑器中撰写正文</source>
      <translation>Save the consolidated report in the data file and write its text in the editor</translation>
    </message>
    <message>
      <source>导出汇总 Excel</source>
      <translation>Export consolidated Excel</translation>
    </message>
    <message>
      <source>Excel 文件 (*.xlsx)</source>
      <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
      <source>无法导出</source>
      <translation>Cannot export</translation>
    </message>
    <message>
      <source>已写入 Excel 文件：%1</source>
      <translation>Excel file written: %1</translation>
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
    <name>DuplicateNoticeBar</name>
    <message>
      <source>打开那一份</source>
      <translation>Open that one</translation>
    </message>
    <message>
      <source>保存并关闭这份报告，打开数据文件中已有的那一份。</source>
      <translation>Save and close this report, and open the one already in the data file.</translation>
    </message>
    <message>
      <source>数据文件中已有同一机关、同一年度的报告：%1。同一年度通常只留一份，请确认年度是否填对，或打开那一份继续编辑。</source>
      <translation>The data file already has a report of the same agency and year: %1. Usually one report per year is kept; check that the year is right, or open that one and go on editing it.</translation>
    </message>
  </context>
  <context>
    <name>DuplicateQuestion</name>
    <message>
      <source>已有同一年度的报告</source>
      <translation>A report of the same year already exists</translation>
    </message>
    <message>
      <source>数据文件中已有「%1」%2年度的报告：</source>
      <translation>The data file already has a report of “%1” for %2:</translation>
    </message>
    <message>
      <source>同一机关同一年度一般只应有一份报告，否则容易改了一份、打印了另一份。请选择怎么办：</source>
      <translation>An agency should normally have only one report per year; otherwise it is easy to edit one and print the other. Please choose what to do:</translation>
    </message>
    <message>
      <source>打开已有的报告</source>
      <translation>Open the existing report</translation>
    </message>
    <message>
      <source>替换（旧报告移到回收站）</source>
      <translation>Replace it (the old report goes to the recycle bin)</translation>
    </message>
    <message>
      <source>两份都保留（新报告标为副本）</source>
      <translation>Keep both (the new report is marked as a copy)</translation>
    </message>
    <message>
      <source>旧报告可以在“文件 › 回收站”中恢复。</source>
      <translation>The old report can be restored from “File › Recycle bin”.</translation>
    </message>
    <message>
      <source>新报告在列表中标为“副本”，改了机关名称、年度或标题后标记消失。</source>
      <translation>The new report is marked “副本” (copy) in the list until its agency name, year or title is changed.</translation>
    </message>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
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
      <source>请稍候</source>
      <translation>Please wait</translation>
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
      <source>PDF 文件 (*.pdf)</source>
      <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
      <source>导出 Word</source>
      <translation>Export Word</translation>
    </message>
    <message>
      <source>Word 文件 (*.docx)</source>
      <translation>Word files (*.docx)</translation>
    </message>
    <message>
      <source>导出网页</source>
      <translation>Export web page</translation>
    </message>
    <message>
      <source>网页文件 (*.html *.htm)</source>
      <translation>Web pages (*.html *.htm)</translation>
    </message>
    <message>
      <source>上一份导出还在进行，请稍候。</source>
      <translation>The previous export is still running, please wait.</translation>
    </message>
    <message>
      <source>Word 文件</source>
      <translation>Word file</translation>
    </message>
    <message>
      <source>网页</source>
      <translation>web page</translation>
    </message>
    <message>
      <source>正在生成%1……</source>
      <translation>Making the %1…</translation>
    </message>
    <message>
      <source>正在导出%1……</source>
      <translation>Exporting the %1…</translation>
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
      <source>已导出到「%1」。</source>
      <translation>Exported to “%1”.</translation>
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
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>无法打开文件，可能本机没有能打开%1文件的程序。</source>
      <translation>The file could not be opened: this computer may have no program for %1 files.</translation>
    </message>
  </context>
  <context>
    <name>ExportWorker</name>
    <message>
      <source>没有指定要保存的文件。</source>
      <translation>No file was chosen to save to.</translation>
    </message>
    <message>
      <source>导出时出现意外错误（%1）。报告内容没有受影响；请稍后再试，如仍不行请把日志文件发给技术支持。</source>
      <translation>An unexpected error occurred while exporting (%1). The report itself is not affected; please try again later, and if it still fails send the log file to technical support.</translation>
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
      <source>以计算值为准</source>
      <translation>Use the computed total</translation>
    </message>
    <message>
      <source>原文印的合计有误时，不再用它核对，以各格相加的结果为准（可撤销）。</source>
      <translation>When the total printed in the original document is wrong: stop checking against it and use the sum of the cells (can be undone).</translation>
    </message>
    <message>
      <source>空格填 0</source>
      <translation>Fill blanks with 0</translation>
    </message>
    <message>
      <source>把这条提醒标出的空格一次填为 0（没有发生的事项填 0）；可撤销。</source>
      <translation>Fill the blank cells this warning names with 0 at once (0 for what did not happen); can be undone.</translation>
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
      <source>
其中 %1 项是按空格为 0 计算的</source>
      <translation>
%1 of them assume blank cells are 0</translation>
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
    <message>
      <source>已把 %1 个空格填为 0；如有误可撤销（Ctrl+Z）。</source>
      <translation>%1 blank cell(s) filled with 0; undo (Ctrl+Z) if this was wrong.</translation>
    </message>
    <message>
      <source>已以各格相加的结果为准；如有误可撤销（Ctrl+Z）。</source>
      <translation>The sum of the cells is used now; if this was a mistake, undo it (Ctrl+Z).</translation>
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
      <source>您指定的字体无法使用，暂用替代字体</source>
      <translation>The font you chose cannot be used; a substitute font is used for now</translation>
    </message>
    <message>
      <source>替代字体（本机未安装正式字体）</source>
      <translation>Substitute font (the official font is not installed)</translation>
    </message>
  </context>
  <context>
    <name>FormatOfferBar</name>
    <message>
      <source>保持原格式</source>
      <translation>Keep the format</translation>
    </message>
    <message>
      <source>不转换；这份报告仍按原格式编辑和打印。</source>
      <translation>Do not convert; this report is still edited and printed in its own format.</translation>
    </message>
    <message>
      <source>%1年度的报告应使用「%2」，这份报告还是「%3」。转换后原有文字都会保留：放不进新格式的内容移到“未归类内容”，转换前的报告放入回收站。</source>
      <translation>A report of %1 should use “%2”, but this report is still “%3”. Converting keeps all its text: what has no place in the new format moves to 未归类内容 (unplaced content), and the report as it was goes to the recycle bin.</translation>
    </message>
    <message>
      <source>转换为新格式</source>
      <translation>Convert to the new format</translation>
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
    <message>
      <source>选中的空格填 0</source>
      <translation>Fill selected blanks with 0</translation>
    </message>
    <message>
      <source>本表空格填 0</source>
      <translation>Fill this table's blanks with 0</translation>
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
    <message>
      <source>&lt;p&gt;找不到使用说明文件 %1。请重新安装本程序。&lt;/p&gt;</source>
      <translation>&lt;p&gt;The guide file %1 cannot be found. Please reinstall this program.&lt;/p&gt;</translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message>
      <source>所有报告文件</source>
      <translation>All report files</translation>
    </message>
    <message>
      <source>Word 文档</source>
      <translation>Word documents</translation>
    </message>
    <message>
      <source>旧版 Word / WPS 文档</source>
      <translation>Older Word / WPS documents</translation>
    </message>
    <message>
      <source>网页</source>
      <translation>Web pages</translation>
    </message>
    <message>
      <source>PDF 文件</source>
      <translation>PDF files</translation>
    </message>
    <message>
      <source>文本文件</source>
      <translation>Text files</translation>
    </message>
    <message>
      <source>交换文件</source>
      <translation>exchange file</translation>
    </message>
    <message>
      <source>导入报告</source>
      <translation>Import a report</translation>
    </message>
    <message>
      <source>选择上年或往年的报告文件：Word（.docx/.doc/.wps）、网页（.html）、PDF、文本（.txt）或交换文件（.nianbao.json）。</source>
      <translation>Choose last year's or an earlier report file: Word (.docx/.doc/.wps), web page (.html), PDF, text (.txt) or exchange file (.nianbao.json).</translation>
    </message>
    <message>
      <source>报告文件</source>
      <translation>Report file</translation>
    </message>
    <message>
      <source>浏览(&amp;B)…</source>
      <translation>&amp;Browse…</translation>
    </message>
    <message>
      <source>报告是繁体字时，把全文转为简体字(&amp;S)</source>
      <translation>If the report is in traditional characters (繁体), convert the whole text to &amp;simplified</translation>
    </message>
    <message>
      <source>不勾选时保留原文的繁体字；标题和各部分照样能识别。</source>
      <translation>Left unticked, the traditional characters are kept; the title and the parts are recognised all the same.</translation>
    </message>
    <message>
      <source>导入</source>
      <translation>Import</translation>
    </message>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>选择要导入的报告</source>
      <translation>Choose the report to import</translation>
    </message>
  </context>
  <context>
    <name>ImportReportDialog</name>
    <message>
      <source>导入完成，请核对</source>
      <translation>Imported – please check</translation>
    </message>
    <message>
      <source>导入情况：</source>
      <translation>How the import went:</translation>
    </message>
    <message>
      <source>未归类内容（没有找到位置的文字，已随报告保存；可复制后粘贴到合适的部分）：</source>
      <translation>Unplaced content (未归类内容: text that found no place, saved with the report; copy it and paste it into the right part):</translation>
    </message>
    <message>
      <source>确定</source>
      <translation>OK</translation>
    </message>
    <message>
      <source>复制未归类内容(&amp;C)</source>
      <translation>&amp;Copy the unplaced content</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>保存状态</source>
      <translation>Save status</translation>
    </message>
    <message>
      <source>数据文件没有打开。</source>
      <translation>The data file is not open.</translation>
    </message>
    <message>
      <source>只读：数据文件正被另一个窗口使用，或所在的文件夹不允许写入。现在可以查看和打印报告，但所做的修改不会保存。另一个窗口或程序用完数据文件后，本窗口会自动变为可以修改（文件夹不允许写入时，请把数据文件放到可以写入的文件夹）。</source>
      <translation>Read-only: the data file is being used by another window, or its folder does not allow writing. You can view and print reports, but changes will not be saved. When the other window or program has finished with the data file, this window becomes editable by itself (if the folder does not allow writing, move the data file to a folder you can write to).</translation>
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
      <source>数据文件已空闲：另一个窗口或程序不再使用它。现在可以修改报告了，列表和报告已按数据文件的最新内容重新载入。</source>
      <translation>The data file is free again: the other window or program no longer uses it. You can now change reports; the list and the report have been reloaded from the data file's latest content.</translation>
    </message>
    <message>
      <source>已把 %1 个空格填为 0；如有误可撤销（Ctrl+Z）。</source>
      <translation>%1 blank cell(s) filled with 0; undo (Ctrl+Z) if this was wrong.</translation>
    </message>
    <message>
      <source>表格中没有空着的单元格。</source>
      <translation>There are no blank cells in the tables.</translation>
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
    <message>
      <source>已保存为 PDF 文件「%1」，与“导出 PDF”得到的文件相同。</source>
      <translation>Saved as the PDF file “%1”, the same file that “Export PDF” makes.</translation>
    </message>
    <message>
      <source>已把报告交给打印机「%1」。</source>
      <translation>The report was handed to the printer “%1”.</translation>
    </message>
    <message>
      <source>（打印作业 %1）</source>
      <translation> (print job %1)</translation>
    </message>
    <message>
      <source>已发送到打印机「%1」，共 %2 页。</source>
      <translation>Sent to the printer “%1”, %2 page(s).</translation>
    </message>
  </context>
  <context>
    <name>ReportEditor</name>
    <message>
      <source>基本信息</source>
      <translation>Basic information</translation>
    </message>
    <message>
      <source>未归类内容</source>
      <translation>Unplaced content</translation>
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
    <message>
      <source>；从上年报告复制，尚未复核（修改后或右键「标为已复核」）</source>
      <translation>; copied from last year's report, not yet reviewed (edit it, or right-click “Mark as reviewed”)</translation>
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
      <source>无法导入</source>
      <translation>Cannot import</translation>
    </message>
    <message>
      <source>数据文件中已有这份报告（内容相同），已打开原有的报告，没有重复导入。</source>
      <translation>The data file already has this report (same content); the existing report was opened and nothing was imported twice.</translation>
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
      <source>繁体字报告</source>
      <translation>Report in traditional characters</translation>
    </message>
    <message>
      <source>这份报告是用繁体字写的。要把全文转为简体字吗？

选“否”则保留原文的繁体字；标题和各部分照样能识别。</source>
      <translation>This report is written in traditional characters. Convert the whole text to simplified characters?

Choose “No” to keep the traditional characters; headings and parts are recognised either way.</translation>
    </message>
    <message>
      <source>无法新建</source>
      <translation>Cannot create the report</translation>
    </message>
    <message>
      <source>已新建 %1 年的报告</source>
      <translation>Report for %1 created</translation>
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
    <message>
      <source>（副本）</source>
      <translation> (copy)</translation>
    </message>
    <message>
      <source>同一机关同一年度共有 %1 份报告，请确认打印的是哪一份；多余的可以删除。</source>
      <translation>This agency has %1 reports for the same year; make sure you print the right one. Extra ones can be deleted.</translation>
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
      <source>修改未归类内容</source>
      <translation>Edit the unplaced content</translation>
    </message>
    <message>
      <source>调整报告的部分</source>
      <translation>Change the report's parts</translation>
    </message>
    <message>
      <source>修改表格数据</source>
      <translation>Change table data</translation>
    </message>
    <message>
      <source>空格填 0</source>
      <translation>Fill blanks with 0</translation>
    </message>
    <message>
      <source>以计算值为准</source>
      <translation>Use the computed total</translation>
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
      <source>保存失败：报告中有无法保存的内容（%1）。您的修改仍保留在程序中，并已另存到恢复记录；请删除或重新输入最近修改的文字后按 Ctrl+S 重新保存。</source>
      <translation>Saving failed: the report contains something that cannot be saved (%1). Your changes are still in the program and have been kept in the recovery record; delete or retype the text you changed last, then press Ctrl+S to save again.</translation>
    </message>
    <message>
      <source>保存失败：无法写入数据文件（%1）。您的修改仍保留在程序中，并已另存到恢复记录；请检查磁盘空间和文件是否只读，然后按 Ctrl+S 重新保存。</source>
      <translation>Saving failed: the data file cannot be written (%1). Your changes are still in the program and have been kept in the recovery record; check the disk space and whether the file is read-only, then press Ctrl+S to save again.</translation>
    </message>
  </context>
  <context>
    <name>ReportView</name>
    <message>
      <source>报告检查结果：%1</source>
      <translation>Report check results: %1</translation>
    </message>
    <message>
      <source>发现的问题</source>
      <translation>Problems found</translation>
    </message>
    <message>
      <source>没有发现问题。</source>
      <translation>No problems found.</translation>
    </message>
    <message>
      <source>报告内容（只读）</source>
      <translation>Report content (read-only)</translation>
    </message>
    <message>
      <source>导入到数据文件(&amp;I)</source>
      <translation>&amp;Import into the data file</translation>
    </message>
    <message>
      <source>把这份报告保存到数据文件中，并在编辑器中打开</source>
      <translation>Save this report in the data file and open it in the editor</translation>
    </message>
    <message>
      <source>文件「%1」无法读取。</source>
      <translation>The file “%1” cannot be read.</translation>
    </message>
    <message>
      <source>%1年</source>
      <translation>%1</translation>
    </message>
    <message>
      <source>（未读出机关）</source>
      <translation>(agency not found)</translation>
    </message>
    <message>
      <source>错误 %1、提醒 %2、待填 %3 · 文字与表格：%4</source>
      <translation>Errors %1, warnings %2, to fill %3 · text vs. tables: %4</translation>
    </message>
    <message>
      <source> · 上年报告：%1</source>
      <translation> · last year's report: %1</translation>
    </message>
  </context>
  <context>
    <name>SectionMenu</name>
    <message>
      <source>（未复核）</source>
      <translation> (not yet reviewed)</translation>
    </message>
    <message>
      <source>标为已复核(&amp;R)</source>
      <translation>Mark as &amp;reviewed</translation>
    </message>
    <message>
      <source>新增部分(&amp;A)…</source>
      <translation>&amp;Add part…</translation>
    </message>
    <message>
      <source>重命名(&amp;N)…</source>
      <translation>Re&amp;name…</translation>
    </message>
    <message>
      <source>上移(&amp;U)</source>
      <translation>Move &amp;up</translation>
    </message>
    <message>
      <source>下移(&amp;D)</source>
      <translation>Move &amp;down</translation>
    </message>
    <message>
      <source>删除部分(&amp;X)…</source>
      <translation>De&amp;lete part…</translation>
    </message>
    <message>
      <source>新增部分</source>
      <translation>Add part</translation>
    </message>
    <message>
      <source>新部分的标题（照原报告写法，例如「七、其他需要报告的事项」）：</source>
      <translation>Title of the new part (as the original report writes it, e.g. “七、其他需要报告的事项”):</translation>
    </message>
    <message>
      <source>重命名部分</source>
      <translation>Rename part</translation>
    </message>
    <message>
      <source>部分标题：</source>
      <translation>Part title:</translation>
    </message>
    <message>
      <source>删除部分「%1」？</source>
      <translation>Delete the part “%1”?</translation>
    </message>
    <message>
      <source>

其中的文字会移到「未归类内容」，不会丢失。</source>
      <translation>

Its text moves to 未归类内容 (unplaced content); nothing is lost.</translation>
    </message>
    <message>
      <source>删除部分</source>
      <translation>Delete part</translation>
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
    <name>SideTabBar</name>
    <message>
      <source>报告各部分</source>
      <translation>Parts of the report</translation>
    </message>
  </context>
  <context>
    <name>StartPage</name>
    <message>
      <source>欢迎使用公开年报编辑器</source>
      <translation>Welcome to the Annual Report Editor</translation>
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
      <source>在这里填写本机关的政府信息公开工作年度报告：
· 按报告的各个部分分页填写，统计表自动合计、随时核对；
· 可以导入往年的报告（Word、网页、PDF 或文本），在其基础上修改；
· 填好后按公文格式（GB/T 9704）打印或保存为 PDF。

所有内容都自动保存在本机，不会上传到网络。</source>
      <translation>Fill in your agency's annual report on government information disclosure here:
· one page per part of the report; tables add up and are checked as you type;
· import an earlier report (Word, web page, PDF or text) and edit it;
· print it or save it as a PDF in official document format (GB/T 9704).

Everything is saved on this computer automatically; nothing is uploaded.</translation>
    </message>
    <message>
      <source>导入往年报告…</source>
      <translation>Import an earlier report…</translation>
    </message>
    <message>
      <source>把往年的报告（Word、网页、PDF、文本或交换文件）导入后修改；也可以把文件拖到窗口上</source>
      <translation>Import an earlier report (Word, web page, PDF, text or exchange file) and edit it; you can also drop the file on the window</translation>
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
      <source>导入报告：Word、网页、PDF、文本或交换文件（也可以把文件拖到窗口上）</source>
      <translation>Import a report: Word, web page, PDF, text or exchange file (or drop the file on the window)</translation>
    </message>
    <message>
      <source>正在读取报告……</source>
      <translation>Reading the report…</translation>
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
    <message>
      <source>等 %1 格</source>
      <translation> (%1 cells in all)</translation>
    </message>
    <message>
      <source>这是已填各格之和（不完整）：%1%2空着，按 0 计。</source>
      <translation>This is the sum of the filled cells (incomplete): %1%2 left blank, counted as 0.</translation>
    </message>
    <message>
      <source>原文印的合计：%1</source>
      <translation>Total printed in the original: %1</translation>
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
    <name>UnplacedTab</name>
    <message>
      <source>导入或转换格式时没有找到位置的内容，随报告保存，不会打印。请复制到合适的部分，移好的可以从这里删去。</source>
      <translation>Content that found no place when importing or converting the format. It is saved with the report but not printed. Copy it into the right part; what you have moved can be deleted here.</translation>
    </message>
    <message>
      <source>全部复制(&amp;C)</source>
      <translation>&amp;Copy all</translation>
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
      <source>导入(&amp;I)…</source>
      <translation>&amp;Import…</translation>
    </message>
    <message>
      <source>把往年的报告（Word、网页、PDF、文本或交换文件）导入为一份报告</source>
      <translation>Import an earlier report (Word, web page, PDF, text or exchange file) as a report</translation>
    </message>
    <message>
      <source>以上年报告为基础新建(&amp;Y)…</source>
      <translation>New from last &amp;year's report…</translation>
    </message>
    <message>
      <source>以打开的报告为上年报告，新建下一年度的报告：保留文字和基本信息，清空统计数</source>
      <translation>Take the open report as last year's and start next year's report: texts and basic information kept, statistics cleared</translation>
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
      <source>导出 Word(&amp;W)…</source>
      <translation>Export &amp;Word…</translation>
    </message>
    <message>
      <source>把报告保存为 Word 文件（.docx），供审核修改；内容与 PDF 相同</source>
      <translation>Save the report as a Word file (.docx) for review and editing; same content as the PDF</translation>
    </message>
    <message>
      <source>导出网页(&amp;H)…</source>
      <translation>Export web pa&amp;ge…</translation>
    </message>
    <message>
      <source>把报告保存为一个网页文件（.html），供网站发布</source>
      <translation>Save the report as one web page file (.html) for publishing on the website</translation>
    </message>
    <message>
      <source>导出 Excel(&amp;L)…</source>
      <translation>Export Exce&amp;l…</translation>
    </message>
    <message>
      <source>把报告的统计表保存为 Excel 文件（.xlsx），表头与正式表格一致</source>
      <translation>Save the report's statistics tables as an Excel file (.xlsx) with the official table headers</translation>
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
      <source>空格填 0(&amp;Z)</source>
      <translation>Fill blanks with 0 (&amp;Z)</translation>
    </message>
    <message>
      <source>把报告各表中尚未填写的单元格一次填为 0（没有发生的事项）；可撤销</source>
      <translation>Fill every cell not yet filled in the report's tables with 0 at once (for what did not happen); can be undone</translation>
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
      <source>怎样填写、检查和打印年报；F1 打开当前页面的说明</source>
      <translation>How to fill in, check and print the annual report; F1 opens the topic of the current page</translation>
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
      <source>批量检查(&amp;B)…</source>
      <translation>&amp;Batch check…</translation>
    </message>
    <message>
      <source>一次检查一个文件夹中的多份报告，导出检查结果，汇总统计表</source>
      <translation>Check many reports in a folder at once, export the results and consolidate the statistics tables</translation>
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
    <name>window</name>
    <message>
      <source>只读</source>
      <translation>Read-only</translation>
    </message>
    <message>
      <source>数据文件现在是只读的，不能保存报告。请关闭另一个窗口后重新启动本程序。</source>
      <translation>The data file is read-only now, so the report cannot be saved. Please close the other window and start this program again.</translation>
    </message>
    <message>
      <source>无法转换报告</source>
      <translation>Cannot convert the report</translation>
    </message>
    <message>
      <source>报告已转换</source>
      <translation>Report converted</translation>
    </message>
    <message>
      <source>报告已转换为「%1」。请核对：</source>
      <translation>The report was converted to “%1”. Please check:</translation>
    </message>
    <message>
      <source>导出 Excel</source>
      <translation>Export Excel</translation>
    </message>
    <message>
      <source>Excel 文件 (*.xlsx)</source>
      <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
      <source>无法导出 Excel</source>
      <translation>Cannot export Excel</translation>
    </message>
    <message>
      <source>已导出 Excel 文件：%1</source>
      <translation>Excel file exported: %1</translation>
    </message>
    <message>
      <source>设置</source>
      <translation>Settings</translation>
    </message>
    <message>
      <source>界面语言将在下次启动本程序时更改。</source>
      <translation>The interface language changes the next time the program starts.</translation>
    </message>
  </context>
</TS>