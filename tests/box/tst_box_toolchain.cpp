// Tests the toolchain check Prepare host runs before uploading anything: detect.sh's candidate
// lines pick a new-enough cmake and compiler, and a box whose tools are too old gets a message
// that names each tool, its version and path, and the command that fixes it there.

#include <QTest>

#include "remote/prepare/prepare_host_box.h"

using namespace tb;

namespace {

// What detect.sh printed on an Ubuntu 18.04 image with a conda torch 1.4.
const char kOldUbuntu[] =
    "home=/home/me\nnproc=4\nuid=1000\nsudo=yes\nos_id=ubuntu\nos_name=Ubuntu 18.04.6 LTS\n"
    "package_manager=apt-get\ncmake=/usr/bin/cmake\ncxx=/usr/bin/g++\nmake=/usr/bin/make\n"
    "python_torch_version=1.4.0\npython_torch_abi=0\n"
    "python_torch_cmake=/opt/conda/lib/python3.7/site-packages/torch/share/cmake/Torch\n"
    "python_with_torch=/opt/conda/bin/python\n"
    "cmake_candidate=3.10.2 /usr/bin/cmake\n"
    "cxx_candidate=7.5.0 gcc /usr/bin/g++\n"
    "pip_python=/opt/conda/bin/python\n";

}  // namespace

class TestBoxToolchain : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void comparesDottedVersions() {
        QVERIFY(compareVersions(QStringLiteral("3.18.4"), QStringLiteral("3.16")) > 0);
        QVERIFY(compareVersions(QStringLiteral("3.16"), QStringLiteral("3.16.0")) == 0);
        QVERIFY(compareVersions(QStringLiteral("3.9.6"), QStringLiteral("3.16")) < 0);
        QVERIFY(compareVersions(QStringLiteral("2.1.0+cu121"), QStringLiteral("1.7")) > 0);
        QVERIFY(compareVersions(QStringLiteral("1.7.0a0+git1234"), QStringLiteral("1.7")) == 0);
        QVERIFY(compareVersions(QStringLiteral("1.6.0"), QStringLiteral("1.7")) < 0);
    }

    void oldUbuntuNamesEveryOldToolAndItsFix() {
        const BoxToolchain box = parseBoxToolchain(kOldUbuntu);
        QCOMPARE(box.cmakeVersion, QStringLiteral("3.10.2"));
        QCOMPARE(box.cxxVersion, QStringLiteral("7.5.0"));
        const QString message =
            tooOldToolsMessage(box, QStringLiteral("me@box port 2222"), QStringLiteral("gpu"));
        QVERIFY2(message.startsWith(QStringLiteral("me@box port 2222 (Ubuntu 18.04.6 LTS) cannot "
                                                   "build the trainer yet.")),
                 qPrintable(message));
        QVERIFY2(
            message.contains(QStringLiteral("CMake 3.10.2 (/usr/bin/cmake) is older than 3.16; "
                                            "fix: /opt/conda/bin/python -m pip install "
                                            "'cmake>=3.16'")),
            qPrintable(message));
        QVERIFY2(
            message.contains(QStringLiteral("GCC 7.5.0 (/usr/bin/g++) is older than GCC 9; fix: "
                                            "sudo apt-get install -y g++-9")),
            qPrintable(message));
        QVERIFY2(message.contains(
                     QStringLiteral("LibTorch 1.4.0 (/opt/conda/lib/python3.7/site-packages/"
                                    "torch/share/cmake/Torch) is older than 1.7; fix: "
                                    "/opt/conda/bin/python -m pip install 'torch>=1.7'")),
                 qPrintable(message));
        QVERIFY(message.endsWith(QStringLiteral("trainbench prepare gpu")));
    }

    void aNewerCandidateIsChosenOverAnOldDefault() {
        // pip put cmake in ~/.local/bin and g++-9 sits beside the old default g++.
        const BoxToolchain box =
            parseBoxToolchain(QByteArray(kOldUbuntu) +
                              "cmake_candidate=3.27.1 /home/me/.local/bin/cmake\n"
                              "cxx_candidate=9.4.0 gcc /usr/bin/g++-9\n"
                              "python_torch_version=1.8.1\n");
        QCOMPARE(box.cmake, QStringLiteral("/home/me/.local/bin/cmake"));
        QCOMPARE(box.cmakeVersion, QStringLiteral("3.27.1"));
        QCOMPARE(box.cxx, QStringLiteral("/usr/bin/g++-9"));
        QCOMPARE(tooOldToolsMessage(box, QStringLiteral("box"), QStringLiteral("gpu")), QString());
    }

    void systemPythonInstallsForTheUserAndNoPipMeansApt() {
        BoxToolchain box = parseBoxToolchain(
            "home=/home/me\nuid=1000\nos_name=Ubuntu 20.04\npackage_manager=apt-get\n"
            "cmake_candidate=3.10.2 /usr/bin/cmake\ncxx_candidate=9.4.0 gcc /usr/bin/g++\n"
            "system_torch_cmake=/usr/lib/x86_64-linux-gnu/cmake/Torch\nsystem_torch_version=1.8.0\n"
            "pip_python=/usr/bin/python3\n");
        QVERIFY2(tooOldToolsMessage(box, QStringLiteral("box"), QStringLiteral("gpu"))
                     .contains(QStringLiteral(
                         "fix: /usr/bin/python3 -m pip install --user 'cmake>=3.16'")),
                 qPrintable(tooOldToolsMessage(box, QStringLiteral("box"), QStringLiteral("gpu"))));
        box.pipPython.clear();
        QVERIFY(tooOldToolsMessage(box, QStringLiteral("box"), QStringLiteral("gpu"))
                    .contains(QStringLiteral(
                        "sudo apt-get install -y python3-pip (apt's cmake is too old)")));
        box.conda = QStringLiteral("/opt/conda/bin/conda");
        QVERIFY(
            tooOldToolsMessage(box, QStringLiteral("box"), QStringLiteral("gpu"))
                .contains(QStringLiteral("fix: /opt/conda/bin/conda install -y 'cmake>=3.16'")));
    }

    void newBoxesAndUnknownVersionsPass() {
        const BoxToolchain bullseye = parseBoxToolchain(
            "home=/root\nuid=0\nos_name=Debian GNU/Linux 11 (bullseye)\npackage_manager=apt-get\n"
            "system_torch_cmake=/usr/lib/x86_64-linux-gnu/cmake/Torch\nsystem_torch_version=1.7.0\n"
            "cmake_candidate=3.18.4 /usr/bin/cmake\ncxx_candidate=10.2.1 gcc /usr/bin/g++\n");
        QCOMPARE(tooOldToolsMessage(bullseye, QStringLiteral("box"), QStringLiteral("gpu")),
                 QString());
        // Without candidate lines (an older detect.sh) nothing is known, so nothing is refused.
        const BoxToolchain unknown =
            parseBoxToolchain("home=/root\ncmake=/usr/bin/cmake\ncxx=/usr/bin/g++\n");
        QCOMPARE(unknown.cmake, QStringLiteral("/usr/bin/cmake"));
        QCOMPARE(tooOldToolsMessage(unknown, QStringLiteral("box"), QStringLiteral("gpu")),
                 QString());
        const BoxToolchain clang =
            parseBoxToolchain("home=/root\ncxx_candidate=9.0.1 clang /usr/bin/clang++\n");
        QVERIFY(
            tooOldToolsMessage(clang, QStringLiteral("box"), QStringLiteral("gpu"))
                .contains(QStringLiteral("Clang 9.0.1 (/usr/bin/clang++) is older than Clang 10")));
    }
};

QTEST_APPLESS_MAIN(TestBoxToolchain)
#include "tst_box_toolchain.moc"
