app-name = nianbao
