# 程序给运维人员看的提示（终端、journald、docker logs）。

