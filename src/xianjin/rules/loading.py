"""XJ1xx: reading the file — bytes, encoding, YAML syntax, structure of the document.

These rules are applied by `xianjin.loader` (XJ114, which names the nominee, is checked
on the loaded file by the engine); they live here so that `xianjin rules` explains them
beside the others.
"""

from xianjin.problems import ERROR, WARNING, field_path
from xianjin.rules.rule import Rule

XJ100 = Rule("XJ100", ERROR, "文件无法读取",
             "文件不存在、没有读取权限，或路径是一个无法读取的对象。请检查路径是否写对。此类问题退出码为 2。")
XJ101 = Rule("XJ101", ERROR, "文件过大",
             "单个推荐文件超过了大小上限（16 MB）。一个推荐单位的正常文件不超过 1 MB，"
             "过大的文件多半是误把其他文件（如图片、压缩包）改名成了 .yaml。")
XJ102 = Rule("XJ102", ERROR, "文件编码无法识别",
             "文件既不是 UTF-8，也不是 GBK/GB18030、UTF-16、UTF-32 编码，或者虽有编码标记却含有损坏的字节，"
             "无法读出文字。Big5（繁体中文）编码的文件也在此列：推荐文件要用简体字填写。"
             "请用记事本或 WPS 打开后“另存为”，编码选择 UTF-8。")
XJ103 = Rule("XJ103", WARNING, "文件不是 UTF-8 编码",
             "文件是 GBK/GB18030（Windows 记事本的“ANSI”）、UTF-16（记事本的“Unicode”，有没有 BOM 都认得）"
             "或 UTF-32 编码。xianjin 已正确读出，但共享仓库和其他工具都要求 UTF-8：请“另存为”时编码选择 UTF-8。")
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
XJ112 = Rule("XJ112", WARNING, "值后面的“#”被当成了注释",
             "在 YAML 中，空格后的“#”开始一条注释，这一行余下的文字不会读进来："
             "“工作单位及职务: 衡水市第一医院 #3 门诊部主任”只读到“衡水市第一医院”。"
             "如果“#”后面是内容的一部分，请把整段内容用引号括起来；如果只是注释，请把它移到单独的一行。")
XJ113 = Rule("XJ113", WARNING, "看不见的字符",
             "键或值中有编辑器里看不见的字符：零宽空格（U+200B）、BOM（U+FEFF）、文字方向控制符、"
             "软连字符等，多半是从网页或微信文章复制来的；还有行分隔符（U+2028、U+2029、U+0085），"
             "编辑器不把它显示为换行，YAML 却会。读取时前者已忽略，后者已当作换行，其他检查照常进行；"
             "但别的程序可能读到不同的内容，请在提示的位置删去它们。键前后的空格（包括全角空格）不算在键内，不提示。")
XJ114 = Rule("XJ114", ERROR, "造字（私用区字符）",
             "姓名或其他内容中有 Unicode 私用区的字符（U+E000–U+F8FF 以及第 15、16 平面），即自己造的字。"
             "造字只在造字的那台电脑上显示为想要的字，别处（包括排版用的字体）会印成毫不相干的字或空框。"
             "请改用标准汉字：生僻字在 Unicode 的扩展 A–I 区中都有，可用输入法的生僻字功能输入。")


@XJ114.checker
def _private_use(unit):
    """Named like a missing glyph (render/glyphs.py): which nominee, which field, which character."""
    entries = {e.path: e for e in unit.entries}
    for path, where, ch, index in unit.loaded.private:
        entry = entries.get(tuple(path[:3]))
        label = ".".join(str(p) for p in path[3 if entry else 0:] if not isinstance(p, int)) or "键"
        who = unit.nominee_label(entry) + "的" if entry is not None else ""
        yield XJ114.problem(
            unit.path, where, field_path(path),
            f"{who}“{label}”中的第 {index + 1} 个字 U+{ord(ch):04X} 是私用区的“造字”，只有造字的那台电脑"
            "才显示为想要的字，印出来会是别的字或空框；请改用标准汉字（生僻字在 Unicode 扩展 A–I 区中都有，"
            "可用输入法的生僻字功能输入）")


XJ115 = Rule("XJ115", WARNING, "替换字符“\ufffd”",
             "内容中有替换字符“\ufffd”（U+FFFD）：这是某次转换编码时认不出的字留下的记号，原来的字已经丢失。"
             "请对照原件补上正确的字。")
