// The dependency rule, enforced: every `#include "..."` of a module's files may
// only name its own folder or a folder the README's module table lets it include ("may
// include": the folders it may name, each listed; nothing is allowed by way of another). The table in README.md ("## Architecture") is the one source of
// truth: this test reads it, so changing the design means changing the table, in the same
// commit. Known wrong-way edges are listed below; the list may only shrink (a listed edge that
// is gone fails too, so the list stays exact).
#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

namespace {

const QString kRoot = QStringLiteral(KIOSK_SOURCE_DIR);

struct Table
{
    QStringList modules;                 // folders, longest first (for prefix matching)
    QHash<QString, QStringList> direct;  // folder -> what it may include directly
    QSet<QString> unrestricted;          // "anything" (the composition roots)
    QString error;
};

// The rows of the README's module table: | `folder` [, `folder`] | library | job | may include |
Table readTable()
{
    Table t;
    QFile f(kRoot + QStringLiteral("/README.md"));
    if (!f.open(QIODevice::ReadOnly)) {
        t.error = QStringLiteral("cannot read README.md");
        return t;
    }
    const QString text = QString::fromUtf8(f.readAll());
    const qsizetype start = text.indexOf(QStringLiteral("| folder | library | its job | may include |"));
    if (start < 0) {
        t.error = QStringLiteral("README.md has no module table with a 'may include' column");
        return t;
    }
    const QStringList lines = text.mid(start).split(u'\n');
    static const QRegularExpression folder(QStringLiteral("`([a-z/]+)`"));
    for (qsizetype i = 2; i < lines.size() && lines[i].startsWith(u'|'); ++i) {
        const QStringList cells = lines[i].split(u'|');
        if (cells.size() < 6) {
            t.error = QStringLiteral("README.md module table, row %1: expected 4 cells").arg(i - 1);
            return t;
        }
        const QString mayInclude = cells[4].trimmed();
        QStringList deps;
        for (const QString &d : mayInclude.split(u',', Qt::SkipEmptyParts))
            deps << d.trimmed();
        for (auto m = folder.globalMatch(cells[1]); m.hasNext();) {
            const QString name = m.next().captured(1);
            t.modules << name;
            if (mayInclude == u"anything")
                t.unrestricted.insert(name);
            else
                t.direct.insert(name, deps);
        }
    }
    std::ranges::sort(t.modules, [](const QString &a, const QString &b) { return a.size() > b.size(); });
    for (const auto &[name, deps] : t.direct.asKeyValueRange()) {
        for (const QString &d : deps) {
            if (!t.modules.contains(d)) {
                t.error = QStringLiteral("README.md module table: %1 may include '%2', which is no folder of the table").arg(name, d);
                return t;
            }
        }
    }
    return t;
}

QString moduleOf(const Table &t, const QString &path)
{
    for (const QString &m : t.modules) {
        if (path == m || path.startsWith(m + u'/'))
            return m;
    }
    return {};
}

QSet<QString> allowedFor(const Table &t, const QString &module)
{
    const QStringList direct = t.direct.value(module);
    return QSet<QString>(direct.cbegin(), direct.cend());
}

// Every "file -> module" edge the table does not allow.
QStringList wrongWayEdges(const Table &t)
{
    static const QRegularExpression include(QStringLiteral("^\\s*#\\s*include\\s+\"([^\"]+)\""), QRegularExpression::MultilineOption);
    QStringList out;
    for (const QString &module : t.modules) {
        if (t.unrestricted.contains(module))
            continue;
        const QSet<QString> allowed = allowedFor(t, module);
        QDirIterator it(kRoot + u'/' + module, {QStringLiteral("*.h"), QStringLiteral("*.cpp"), QStringLiteral("*.in")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            const QString relative = file.mid(kRoot.size() + 1);
            if (moduleOf(t, relative) != module)
                continue; // a nested module's file (scanner/barcode/vds is scanner/barcode's)
            QFile f(file);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QString text = QString::fromUtf8(f.readAll());
            for (auto m = include.globalMatch(text); m.hasNext();) {
                const QString target = moduleOf(t, m.next().captured(1));
                if (!target.isEmpty() && target != module && !allowed.contains(target))
                    out << relative + QStringLiteral(" -> ") + target;
            }
        }
    }
    out.removeDuplicates();
    std::ranges::sort(out);
    return out;
}

} // namespace

class TestLayering : public QObject
{
    Q_OBJECT
private slots:
    void tableReads();
    void noWrongWayInclude();
    void aWrongWayIncludeIsCaught();
};

void TestLayering::tableReads()
{
    const Table t = readTable();
    QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
    QVERIFY(t.modules.contains(QStringLiteral("app/core")));
    QVERIFY(t.unrestricted.contains(QStringLiteral("app/kioskctl")));
    // Not transitive: the screens reach the rules only through the session.
    QVERIFY(allowedFor(t, QStringLiteral("ui")).contains(QStringLiteral("app/session")));
    QVERIFY(!allowedFor(t, QStringLiteral("ui")).contains(QStringLiteral("app/rules")));
    // The kiosk's session never includes the central service; only the demo does.
    QVERIFY(!allowedFor(t, QStringLiteral("app/session")).contains(QStringLiteral("sync/central")));
    QVERIFY(allowedFor(t, QStringLiteral("app/demo")).contains(QStringLiteral("sync/central")));
}

void TestLayering::noWrongWayInclude()
{
    const Table t = readTable();
    QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
    const QStringList edges = wrongWayEdges(t);
    qInfo("wrong-way include edges: %lld", static_cast<long long>(edges.size()));
    QVERIFY2(edges.isEmpty(), qPrintable(QStringLiteral("includes the README's module table does not allow:\n  ") + edges.join(u"\n  ")));
}

// The check itself can fail: a table where the store may not include the core flags the
// store's includes of app/core.
void TestLayering::aWrongWayIncludeIsCaught()
{
    Table t = readTable();
    QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
    t.direct[QStringLiteral("app/store")] = {};
    const QStringList edges = wrongWayEdges(t);
    QVERIFY(edges.contains(QStringLiteral("app/store/database.h -> app/core")));
}

QTEST_GUILESS_MAIN(TestLayering)
#include "tst_layering.moc"
