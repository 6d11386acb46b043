"""XJ1xx: reading the file — bytes, encoding, YAML syntax, structure of the document.

These rules are applied by `xianjin.loader`; they live here so that `xianjin rules`
explains them beside the others.
"""

from xianjin.problems import ERROR, WARNING
from xianjin.rules.rule import Rule

XJ100 = Rule("XJ100", ERROR, "文件无法读取",
             "文件不存在、没有读取权限，或路径是一个无法读取的对象。请检查路径是否写对。此类问题退出码为 2。")
XJ101 = Rule("XJ101", ERROR, "文件过大",
             "单个推荐文件超过了大小上限（16 MB）。一个推荐单位的正常文件不超过 1 MB，"
             "过大的文件多半是误把其他文件（如图片、压缩包）改名成了 .yaml。")
XJ102 = Rule("XJ102", ERROR, "文件编码无法识别",
             "文件既不是 UTF-8，也不是 GBK/GB18030 编码，无法读出文字。"
             "请用记事本或 WPS 打开后“另存为”，编码选择 UTF-8。")
XJ103 = Rule("XJ103", WARNING, "文件不是 UTF-8 编码",
             "文件是 GBK/GB18030（Windows 记事本的“ANSI”）或 UTF-16 编码。xianjin 已正确读出，"
             "但共享仓库和其他工具都要求 UTF-8：请“另存为”时编码选择 UTF-8。")
XJ104 = Rule("XJ104", ERROR, "文件含有控制字符或不是文本文件",
             "文件中有空字符或其他不可见的控制字符，通常是把 Word、Excel 或图片文件改名成了 .yaml，"
             "或从别处复制文字时带入了乱码。请用纯文本编辑器重新保存。")
XJ105 = Rule("XJ105", ERROR, "YAML 格式错误",
             "文件不符合 YAML 写法：缩进不齐、用了 Tab 键缩进、冒号后缺空格、引号没有配对等。"
             "提示中的行号、列号指向出错的位置（有时是它的下一行）。")
XJ106 = Rule("XJ106", ERROR, "文件为空",
             "文件中没有任何内容。可以用 `xianjin init 单位名` 生成一份待填写的文件。")
XJ107 = Rule("XJ107", ERROR, "文件结构不对",
             "推荐文件的最外层应当是“键: 值”的形式（推荐单位: …、群众满意窗口: …），"
             "不能是列表或一段文字；文件中也只能有一份文档（不要用 --- 分隔多份）。")
XJ108 = Rule("XJ108", ERROR, "同一个键出现两次",
             "同一层中同一个键（如两个“姓名”）写了两次。YAML 只会保留后一个，前一个会悄悄丢失，"
             "所以必须删去或改正其中一个。")
XJ109 = Rule("XJ109", ERROR, "不支持锚点和别名",
             "推荐文件不允许使用 YAML 的锚点（&名称）和别名（*名称）。每一项请完整写出；"
             "这样也能防止恶意文件靠别名反复展开耗尽内存。")
XJ110 = Rule("XJ110", ERROR, "不支持标签",
             "推荐文件不允许使用 YAML 标签（如 !!python/object、!!binary）。所有值都按文字读取，"
             "不需要标签。")
XJ111 = Rule("XJ111", ERROR, "键不是文字",
             "键必须是一段文字（如“姓名”），不能是列表或“键: 值”结构。")
