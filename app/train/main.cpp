// trainbench-train: the built-in LibTorch trainer.
#include "train_cli.h"

int main(int argc, char** argv) { return tb::runTrainCli(argc, argv); }
