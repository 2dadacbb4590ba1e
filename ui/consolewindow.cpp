#include "ui/consolewindow.h"

#include "app/session/checkpointsession.h"
#include "ui/caseview.h"
#include "ui/consoletext.h"
#include "ui/manualmrzdialog.h"
#include "ui/overridedialog.h"
#include "ui/signinpage.h"
#include "ui/statusbarwidgets.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace Kiosk::Ui {

ConsoleWindow::ConsoleWindow(Session::CheckpointSession *session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_pages(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("consoleWindow"));
    setWindowTitle(tr("Border kiosk — officer console — %1").arg(session->config().checkpoint));
    // Readable at 1280×800 and up; layouts scale with the device pixel ratio (high DPI).
    setMinimumSize(1024, 640);

    m_signIn = new SignInPage(session, SignInPage::Mode::SignIn, m_pages);
    m_lock = new SignInPage(session, SignInPage::Mode::Unlock, m_pages);
    m_casePage = new QWidget(m_pages);
    m_casePage->setObjectName(QStringLiteral("casePage"));
    m_caseView = new CaseView(m_casePage);
    (new QVBoxLayout(m_casePage))->addWidget(m_caseView);
    m_casePage->layout()->setContentsMargins(0, 0, 0, 0);
    m_pages->addWidget(m_signIn);
    m_pages->addWidget(m_lock);
    m_pages->addWidget(m_casePage);
    setCentralWidget(m_pages);

    m_direction = new QLabel(this);
    m_direction->setObjectName(QStringLiteral("directionLabel"));
    m_operator = new QLabel(this);
    m_operator->setObjectName(QStringLiteral("operatorLabel"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("actionMessage"));
    m_message->setWordWrap(true);
    m_status = new SyncStatusWidget(this);
    statusBar()->addWidget(m_message, 1);
    statusBar()->addPermanentWidget(m_status);

    buildActions();

    connect(session, &Session::CheckpointSession::caseChanged, this, &ConsoleWindow::onCaseChanged);
    connect(session, &Session::CheckpointSession::caseRecorded, this, &ConsoleWindow::onCaseChanged);
    connect(session, &Session::CheckpointSession::caseCleared, this, [this] {
        m_caseView->clear();
        updateActions();
    });
    connect(session, &Session::CheckpointSession::operatorChanged, this, &ConsoleWindow::showPage);
    connect(session, &Session::CheckpointSession::lockedChanged, this, [this](bool locked) {
        // Nothing half-typed stays open behind the lock.
        if (QDialog *open = m_dialog.data(); locked && open != nullptr)
            open->reject();
        showPage();
    });
    connect(session, &Session::CheckpointSession::problem, this, &ConsoleWindow::reportResult);
    connect(session, &Session::CheckpointSession::syncStatusChanged, this, &ConsoleWindow::refreshStatus);
    connect(session, &Session::CheckpointSession::referenceStatusChanged, this, &ConsoleWindow::refreshStatus);

    // Ages in the status bar grow while nothing happens: repaint them on a timer.
    auto *ageTimer = new QTimer(this);
    ageTimer->setInterval(std::chrono::seconds(15));
    connect(ageTimer, &QTimer::timeout, this, &ConsoleWindow::refreshStatus);
    ageTimer->start();

    qApp->installEventFilter(this);
    refreshStatus();
    showPage();
    if (const auto *c = session->currentCase())
        onCaseChanged(*c);
}

ConsoleWindow::~ConsoleWindow()
{
    qApp->removeEventFilter(this);
}

void ConsoleWindow::buildActions()
{
    auto *bar = addToolBar(tr("Actions"));
    bar->setObjectName(QStringLiteral("actionsBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    const auto make = [&](const QString &name, const QString &text, const QKeySequence &key, auto slot) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WindowShortcut);
        // The key is part of the label: the console is keyboard-first.
        a->setText(QStringLiteral("%1 [%2]").arg(text, key.toString(QKeySequence::NativeText)));
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };
    bar->addAction(make(QStringLiteral("recordEntry"), tr("Record entry"), QKeySequence(Qt::Key_F2),
                        [this] { record(Direction::Entry); }));
    bar->addAction(make(QStringLiteral("recordExit"), tr("Record exit"), QKeySequence(Qt::Key_F3),
                        [this] { record(Direction::Exit); }));
    bar->addAction(make(QStringLiteral("refer"), tr("Refer to secondary"), QKeySequence(Qt::Key_F4), [this] { refer(); }));
    bar->addAction(make(QStringLiteral("override"), tr("Override…"), QKeySequence(Qt::Key_F8), [this] { overrideVerdict(); }));
    bar->addSeparator();
    bar->addAction(make(QStringLiteral("manualEntry"), tr("Type MRZ…"), QKeySequence(Qt::Key_F6), [this] { manualEntry(); }));
    bar->addAction(make(QStringLiteral("switchDirection"), tr("Switch lane direction"), QKeySequence(Qt::Key_F7), [this] {
        m_session->setDirection(m_session->direction() == Direction::Entry ? Direction::Exit : Direction::Entry);
        updateActions();
    }));
    bar->addAction(make(QStringLiteral("newCase"), tr("Next traveller"), QKeySequence(Qt::Key_Escape),
                        [this] { m_session->clearCase(); }));
    bar->addSeparator();
    bar->addWidget(m_direction);
    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addWidget(m_operator);
    bar->addAction(make(QStringLiteral("lock"), tr("Lock"), QKeySequence(Qt::CTRL | Qt::Key_L), [this] { m_session->lock(); }));
    bar->addAction(make(QStringLiteral("signOut"), tr("Sign out"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Q),
                        [this] { m_session->signOut(); }));
}

QAction *ConsoleWindow::action(const QString &name) const
{
    return findChild<QAction *>(name, Qt::FindDirectChildrenOnly);
}

QString ConsoleWindow::currentPageName() const
{
    return m_pages->currentWidget() ? m_pages->currentWidget()->objectName() : QString();
}

void ConsoleWindow::showPage()
{
    QWidget *target = m_casePage;
    if (!m_session->isSignedIn())
        target = m_signIn;
    else if (m_session->isLocked())
        target = m_lock;
    if (m_pages->currentWidget() != target) {
        m_pages->setCurrentWidget(target);
        if (target == m_signIn || target == m_lock)
            static_cast<SignInPage *>(target)->reset();
        m_message->clear();
    }
    const auto op = m_session->currentOperator();
    m_operator->setText(op ? tr("Officer %1").arg(op->id) : QString());
    updateActions();
}

void ConsoleWindow::updateActions()
{
    const bool open = m_session->isSignedIn() && !m_session->isLocked();
    const Session::Case *c = m_session->currentCase();
    const bool actionable = open && c && c->document && !c->isRecorded();
    const bool recordable = actionable && c->evaluated && c->verdict == VerdictKind::Admit;
    action(QStringLiteral("recordEntry"))->setEnabled(recordable);
    action(QStringLiteral("recordExit"))->setEnabled(recordable);
    action(QStringLiteral("refer"))->setEnabled(actionable);
    action(QStringLiteral("override"))->setEnabled(actionable);
    for (const char *name : {"manualEntry", "switchDirection", "newCase", "lock", "signOut"})
        action(QLatin1String(name))->setEnabled(open);
    m_direction->setText(tr("Lane: %1").arg(ConsoleText::direction(m_session->direction())));
}

void ConsoleWindow::onCaseChanged(const Session::Case &c)
{
    m_caseView->showCase(c);
    if (!c.isRecorded())
        m_message->clear();
    updateActions();
}

void ConsoleWindow::reportResult(const QString &code, const QString &message)
{
    Q_UNUSED(code)
    m_message->setText(message);
}

void ConsoleWindow::record(Direction d)
{
    auto r = m_session->recordCrossing(d);
    if (!r) {
        reportResult(r.error().code, r.error().message);
        return;
    }
    m_message->setText(tr("%1. Read the next document.").arg(ConsoleText::action(r->action)));
}

void ConsoleWindow::refer()
{
    auto r = m_session->referToSecondary();
    if (!r) {
        reportResult(r.error().code, r.error().message);
        return;
    }
    m_message->setText(tr("Referred to secondary inspection."));
}

void ConsoleWindow::overrideVerdict()
{
    const Session::Case *c = m_session->currentCase();
    if (!c)
        return;
    OverrideDialog dialog(c->verdict, c->direction, this);
    m_dialog = &dialog;
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto r = m_session->overrideVerdict(dialog.direction(), dialog.verdict(), dialog.reason());
    if (!r) {
        reportResult(r.error().code, r.error().message);
        return;
    }
    m_message->setText(tr("Recorded with override; the override is its own signed event."));
}

void ConsoleWindow::manualEntry()
{
    ManualMrzDialog dialog(m_session, this);
    m_dialog = &dialog;
    if (dialog.exec() != QDialog::Accepted)
        return;
    (void)m_session->submitMrz(dialog.mrzText(), Session::InputKind::Manual, tr("manual entry"));
}

void ConsoleWindow::refreshStatus()
{
    m_status->setSyncStatus(m_session->syncStatus(), m_session->clock().now());
    m_status->setReferenceStatus(m_session->referenceStatus());
}

bool ConsoleWindow::eventFilter(QObject *watched, QEvent *event)
{
    // Any key or click anywhere in the program restarts the idle period.
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::Wheel:
        m_session->noteActivity();
        break;
    default:
        break;
    }
    return QMainWindow::eventFilter(watched, event);
}

} // namespace Kiosk::Ui
