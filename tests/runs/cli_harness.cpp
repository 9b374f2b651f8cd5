// The trainbench command line without the window: what `trainbench run|runs|follow|stop` does.
#include "app/cli/cli_main.h"

int main(int argc, char** argv) {
    return tb::runCliCommand(argc, argv);
}
