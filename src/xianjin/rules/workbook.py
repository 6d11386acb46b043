"""XJ12x: reading an Excel workbook (.xlsx) — the file, its sheets and Excel's own traps.

A workbook is read by `xianjin.workbook` into the same data the YAML loader gives;
these rules cover what only a workbook can get wrong. A value Excel changed on the
way in (a month that lost its 0, a telephone number that lost its leading 0) is
reported under the field's own rule (XJ203, XJ209) at its cell.
"""

from xianjin.problems import ERROR, WARNING
from xianjin.rules.rule import Rule

XJ120 = Rule("XJ120", ERROR, "旧版 Excel 或 WPS 表格格式",
             "xianjin 只读取 .xlsx 工作簿。Excel 97–2003 的 .xls 和 WPS 表格的 .et 文件请在 Excel 或 WPS 中"
             "“另存为”→“Excel 工作簿（*.xlsx）”后再检查。文件夹中找到的这类文件只提示（可能不是推荐文件），"
             "在命令行上点名的报错。")
XJ121 = Rule("XJ121", ERROR, "工作簿设置了密码",
             "设置了打开密码的工作簿无法读取。请在 Excel 中“文件→信息→保护工作簿→用密码进行加密”里删去密码"
             "（WPS：“文件→文档加密”）后另存。只保护工作表（不能修改）不影响读取。")
XJ122 = Rule("XJ122", ERROR, "工作簿已损坏或不是 .xlsx",
             "文件不能作为 .xlsx 工作簿打开：可能在复制或下载时损坏，或者是别的文件改了扩展名。"
             "请在 Excel 或 WPS 中打开确认，重新保存为 .xlsx。")
XJ123 = Rule("XJ123", ERROR, "工作表缺少或改了名",
             "推荐工作簿应有四个工作表：基本信息、群众满意窗口、行业服务标兵、优质服务品牌（xianjin init 单位 "
             "--format xlsx 生成的样子）。工作表改了名时，xianjin 按表头认出它并提示改回原名。")
XJ124 = Rule("XJ124", ERROR, "合并了单元格",
             "每个推荐对象占一行、每一栏一格。合并的单元格只有左上角一格有内容，其他各格的内容会丢失，"
             "所以必须取消合并（“开始→合并后居中”再点一次），把内容逐格填好。")
XJ125 = Rule("XJ125", ERROR, "公式没有计算结果",
             "单元格里是公式时，xianjin 使用 Excel 保存的计算结果。没有结果（文件由其他程序生成、从未在 Excel 中"
             "保存过）或结果是错误值（#N/A、#REF! 等）时无法读取：请在 Excel 中打开并保存，或直接填写文字。")
XJ126 = Rule("XJ126", ERROR, "类别一栏写错",
             "每一行的“类别”只能是“推荐对象”或“递补对象”。不填时算作推荐对象（多出的行会按名额检查）。")
XJ127 = Rule("XJ127", WARNING, "编号与行的顺序不符",
             "编号由行的先后决定：推荐对象依次为 1、2、3……，递补对象接着编号（排序表的序号、审批表的编号都按此）。"
             "“编号”一栏与此不符，多半是排序后行的顺序变了或删去了一行，请核对。")
