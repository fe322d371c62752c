from model_build.cli import main

main()
