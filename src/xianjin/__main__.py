from xianjin.cli import main

main()
