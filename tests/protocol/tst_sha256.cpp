// Tests SHA-256 against the FIPS 180-2 test vectors and file hashing.

#include <QTemporaryDir>
#include <QTest>

#include <fstream>

#include "core/protocol/sha256.h"

using namespace tb;

class TestSha256 : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void knownVectors_data() {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("hex");
        QTest::newRow("empty")
            << QByteArray() << "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        QTest::newRow("abc") << QByteArray("abc")
                             << "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        QTest::newRow("448 bits")
            << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            << "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
        QTest::newRow("million a")
            << QByteArray(1000000, 'a')
            << "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
    }
    void knownVectors() {
        QFETCH(QByteArray, input);
        QFETCH(QString, hex);
        const std::string expected = hex.toStdString();
        QCOMPARE(sha256Hex(std::string_view(input.constData(), size_t(input.size()))), expected);

        // Uneven pieces cross the 64-byte block boundary in every possible way.
        Sha256 pieces;
        qsizetype offset = 0;
        for (qsizetype piece = 1; offset < input.size(); piece = piece % 131 + 1) {
            const qsizetype n = std::min(piece, input.size() - offset);
            pieces.update(input.constData() + offset, size_t(n));
            offset += n;
        }
        QCOMPARE(pieces.hexDigest(), expected);
    }

    void rawDigestMatchesHex() {
        Sha256 hash;
        hash.update("abc");
        const auto digest = hash.digest();
        QCOMPARE(int(digest[0]), 0xba);
        QCOMPARE(int(digest[31]), 0xad);
    }

    void hashesFiles() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("blob").toStdString();
        std::string data;
        for (int i = 0; i < 3000000; ++i) data += char(i * 7 + 3);  // spans several read chunks
        std::ofstream(path, std::ios::binary) << data;
        auto hex = sha256File(path);
        QVERIFY2(hex.ok(), hex.ok() ? "" : hex.error().c_str());
        QCOMPARE(*hex, sha256Hex(data));

        auto missing = sha256File(path + ".missing");
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error(), "cannot read " + path + ".missing: No such file or directory");
    }
};

QTEST_APPLESS_MAIN(TestSha256)
#include "tst_sha256.moc"
