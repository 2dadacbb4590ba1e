#include "ui/infoscreen.h"

#include "app/session/checkpointsession.h"
#include "ui/infostaffexit.h"

#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLoggingCategory>
#include <QPushButton>
#include <QScrollArea>
#include <QScroller>
#include <QSettings>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <cmath>

Q_LOGGING_CATEGORY(lcInfo, "kiosk.ui.info")

namespace Kiosk::Ui {

namespace {

// High contrast: black on white, white on dark blue (contrast ratio above 10:1),
// the chosen language in black on yellow, a thick focus frame for keyboard users.
const QString kStyle = QStringLiteral(
    "Kiosk--Ui--InfoScreen { background: #ffffff; }"
    "QLabel { color: #000000; }"
    "QLabel#resultHeadline { font-weight: bold; }"
    "QPushButton { background: #0b3d91; color: #ffffff; border: 3px solid #0b3d91; border-radius: 10px;"
    "  padding: 8px 18px; font-weight: bold; }"
    "QPushButton:checked { background: #ffd200; color: #000000; border: 3px solid #000000; }"
    "QPushButton:focus { border: 5px solid #ff8c00; }"
    "QPushButton:pressed { background: #06245a; }"
    "QScrollArea, QScrollArea > QWidget > QWidget { background: #ffffff; border: none; }"
    // A scroll bar a finger can hold (touch targets of 9 mm and more).
    "QScrollBar:vertical { width: 48px; background: #e6e6e6; }"
    "QScrollBar::handle:vertical { background: #0b3d91; min-height: 64px; border-radius: 8px; }");

// A button answers Enter and Return as well as Space, so the whole screen works from a keypad.
class InfoButton : public QPushButton
{
public:
    using QPushButton::QPushButton;

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
            animateClick();
            return;
        }
        QPushButton::keyPressEvent(event);
    }
};

void setLabelFont(QLabel *label, int pixelSize, bool bold = false)
{
    QFont f = label->font();
    f.setPixelSize(pixelSize);
    f.setBold(bold);
    label->setFont(f);
}

} // namespace

InfoScreen::InfoScreen(Session::CheckpointSession *session, QWidget *parent)
    : InfoScreen(session, InfoSettings{}, parent)
{
}

InfoScreen::InfoScreen(Session::CheckpointSession *session, InfoSettings settings, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_settings(std::move(settings))
{
    setObjectName(QStringLiteral("infoScreen"));
    if (auto languages = InfoLanguages::load())
        m_languages = std::move(*languages);
    else
        qCCritical(lcInfo) << "language map:" << languages.error().code << languages.error().message;

    // A font that covers Azerbaijani (ə ğ ı ö ş ü ç) and Cyrillic: Noto Sans (fonts-noto-core),
    // DejaVu Sans (fonts-dejavu-core) as the fallback, both named in scripts/setup.
    QFont base(QStringLiteral("Noto Sans"));
    base.setFamilies({QStringLiteral("Noto Sans"), QStringLiteral("DejaVu Sans")});
    base.setPixelSize(26);
    setFont(base);
    setStyleSheet(kStyle);
    setAttribute(Qt::WA_StyledBackground);
    setContextMenuPolicy(Qt::PreventContextMenu);

    build();

    if (m_settings.kioskMode) {
        setWindowFlags(Qt::Window | Qt::FramelessWindowHint | Qt::WindowStaysOnTopHint);
        setWindowState(Qt::WindowFullScreen);
    }

    auto *staffExit = new QAction(this);
    staffExit->setObjectName(QStringLiteral("staffExit"));
    staffExit->setShortcut(m_settings.staffExitKeys);
    staffExit->setShortcutContext(Qt::WindowShortcut);
    connect(staffExit, &QAction::triggered, this, &InfoScreen::openStaffExit);
    addAction(staffExit);

    m_idle.setSingleShot(true);
    m_idle.setInterval(std::chrono::seconds(m_settings.idleSeconds));
    connect(&m_idle, &QTimer::timeout, this, &InfoScreen::returnToStart);
    qApp->installEventFilter(this);

    if (m_session) {
        connect(m_session, &Session::CheckpointSession::caseChanged, this, &InfoScreen::onCaseChanged);
        connect(m_session, &Session::CheckpointSession::caseCleared, this, [this] {
            if (m_result)
                returnToStart();
        });
        // The passport taken off the reader: cleared at once, not after the idle
        // timeout. Only this face clears on removal; the console keeps its case.
        connect(m_session, &Session::CheckpointSession::documentRemoved, this, &InfoScreen::documentRemoved);
        // A newer policy in force (a sync pull): what the screen states follows it.
        connect(m_session, &Session::CheckpointSession::referenceStatusChanged, this, &InfoScreen::onPolicyMayHaveChanged);
    }
    setLanguageInternal(m_languages.defaultLanguage());
    retranslate();
}

InfoScreen::~InfoScreen()
{
    qApp->removeEventFilter(this);
}

int InfoScreen::minimumTouchPixels() const
{
    // 9 mm at the logical DPI, in the device-independent pixels Qt lays out in.
    return static_cast<int>(std::ceil(9.0 / 25.4 * logicalDpiY()));
}

QPushButton *InfoScreen::makeButton(const QString &objectName)
{
    auto *b = new InfoButton(this);
    b->setObjectName(objectName);
    b->setFocusPolicy(Qt::StrongFocus);
    b->setAutoDefault(false);
    const int touch = std::max(minimumTouchPixels(), 64);
    b->setMinimumSize(touch * 2, touch);
    connect(b, &QPushButton::pressed, this, &InfoScreen::restartIdle);
    return b;
}

// The heading and the languages, on every page; the pages; the topic buttons and the
// hotline, on every page.
void InfoScreen::build()
{
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(40, 24, 40, 24);
    root->setSpacing(18);
    root->addLayout(buildTopBar());
    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));
    root->addWidget(m_pages, 1);
    buildStartPage();
    buildResultPage();
    buildTopicPage();
    buildTopicsAndFooter(root);
}

// The heading and the language buttons.
QHBoxLayout *InfoScreen::buildTopBar()
{
    auto *top = new QHBoxLayout;
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("heading"));
    m_heading->setWordWrap(true);
    setLabelFont(m_heading, 40, true);
    top->addWidget(m_heading, 1);
    auto *languageBar = new QWidget(this);
    languageBar->setObjectName(QStringLiteral("languageBar"));
    auto *languageLayout = new QHBoxLayout(languageBar);
    languageLayout->setContentsMargins(0, 0, 0, 0);
    for (const QString &code : m_languages.languages()) {
        QPushButton *b = makeButton(QStringLiteral("language_%1").arg(code));
        b->setCheckable(true);
        b->setText(InfoLanguages::nativeName(code));
        b->setAccessibleName(InfoLanguages::nativeName(code));
        b->setProperty("languageCode", code);
        connect(b, &QPushButton::clicked, this, [this, code] { chooseLanguage(code); });
        languageLayout->addWidget(b);
        m_languageButtons.append(b);
    }
    top->addWidget(languageBar);
    return top;
}

// The first page: where to put the passport, and what the screen keeps (nothing).
void InfoScreen::buildStartPage()
{
    m_startPage = new QWidget(m_pages);
    m_startPage->setObjectName(QStringLiteral("startPage"));
    auto *start = new QVBoxLayout(m_startPage);
    m_placePassport = new QLabel(m_startPage);
    m_placePassport->setObjectName(QStringLiteral("placePassport"));
    m_placePassport->setWordWrap(true);
    setLabelFont(m_placePassport, 34, true);
    m_privacy = new QLabel(m_startPage);
    m_privacy->setObjectName(QStringLiteral("privacyNote"));
    m_privacy->setWordWrap(true);
    setLabelFont(m_privacy, 26);
    start->addStretch();
    start->addWidget(m_placePassport);
    start->addSpacing(20);
    start->addWidget(m_privacy);
    start->addStretch();
    m_pages->addWidget(m_startPage);
}

// The result page: the same widgets for every outcome.
void InfoScreen::buildResultPage()
{
    m_resultPage = new QWidget(m_pages);
    m_resultPage->setObjectName(QStringLiteral("resultPage"));
    auto *result = new QVBoxLayout(m_resultPage);
    m_resultHeadline = new QLabel(m_resultPage);
    m_resultHeadline->setObjectName(QStringLiteral("resultHeadline"));
    m_resultHeadline->setWordWrap(true);
    setLabelFont(m_resultHeadline, 40, true);
    result->addWidget(m_resultHeadline);
    for (int i = 0; i < InfoResultText::kLines; ++i) {
        auto *line = new QLabel(m_resultPage);
        line->setObjectName(QStringLiteral("resultLine%1").arg(i + 1));
        line->setWordWrap(true);
        // Fonts are set on every label: a label inside the stacked pages does not reliably
        // inherit the screen's size once the style sheet applies.
        setLabelFont(line, i == 0 ? 32 : 26, i == 0);
        result->addWidget(line);
        m_resultLines.append(line);
    }
    result->addStretch();
    auto *resultButtons = new QHBoxLayout;
    m_finish = makeButton(QStringLiteral("finish"));
    connect(m_finish, &QPushButton::clicked, this, &InfoScreen::returnToStart);
    resultButtons->addWidget(m_finish);
    resultButtons->addStretch();
    result->addLayout(resultButtons);
    m_pages->addWidget(m_resultPage);
}

// A topic's page: its title, its statements scrolling, and the way back.
void InfoScreen::buildTopicPage()
{
    m_topicPage = new QWidget(m_pages);
    m_topicPage->setObjectName(QStringLiteral("topicPage"));
    auto *topic = new QVBoxLayout(m_topicPage);
    m_topicTitle = new QLabel(m_topicPage);
    m_topicTitle->setObjectName(QStringLiteral("topicTitle"));
    m_topicTitle->setWordWrap(true);
    setLabelFont(m_topicTitle, 34, true);
    topic->addWidget(m_topicTitle);
    auto *scroll = new QScrollArea(m_topicPage);
    scroll->setObjectName(QStringLiteral("topicScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::StrongFocus); // arrow keys and Page Up/Down scroll the page
    QScroller::grabGesture(scroll->viewport(), QScroller::LeftMouseButtonGesture); // drag to scroll
    m_topicBody = new QWidget;
    m_topicBody->setObjectName(QStringLiteral("topicBody"));
    m_topicLayout = new QVBoxLayout(m_topicBody);
    scroll->setWidget(m_topicBody);
    topic->addWidget(scroll, 1);
    auto *topicButtons = new QHBoxLayout;
    m_back = makeButton(QStringLiteral("back"));
    connect(m_back, &QPushButton::clicked, this, [this] {
        m_topic.reset();
        m_pages->setCurrentWidget(m_returnPage == Page::Result && m_result ? m_resultPage : m_startPage);
        retranslate();
    });
    topicButtons->addWidget(m_back);
    topicButtons->addStretch();
    topic->addLayout(topicButtons);
    m_pages->addWidget(m_topicPage);
}

// The information pages, reachable from every page without a passport, and the hotline.
void InfoScreen::buildTopicsAndFooter(QVBoxLayout *root)
{
    m_topicsHeading = new QLabel(this);
    m_topicsHeading->setObjectName(QStringLiteral("topicsHeading"));
    setLabelFont(m_topicsHeading, 26);
    root->addWidget(m_topicsHeading);
    auto *topics = new QHBoxLayout;
    for (InfoTopicId id : InfoText::topics()) {
        QPushButton *b = makeButton(InfoText::topicObjectName(id));
        connect(b, &QPushButton::clicked, this, [this, id] { showTopic(id); });
        topics->addWidget(b);
        m_topicButtons.append(b);
    }
    root->addLayout(topics);

    m_footer = new QLabel(this);
    m_footer->setObjectName(QStringLiteral("hotlineFooter"));
    m_footer->setWordWrap(true);
    setLabelFont(m_footer, 24);
    root->addWidget(m_footer);
}

void InfoScreen::retranslate()
{
    const QLocale locale = InfoLanguages::locale(m_language);
    setLocale(locale);
    setWindowTitle(InfoText::windowTitle());
    m_heading->setText(InfoText::welcome());
    m_placePassport->setText(InfoText::placePassport());
    m_privacy->setText(InfoText::privacyNote());
    m_topicsHeading->setText(InfoText::topicsHeading());
    m_footer->setText(InfoText::hotlineFooter());
    if (QWidget *bar = findChild<QWidget *>(QStringLiteral("languageBar")))
        bar->setAccessibleName(InfoText::languageBarName());
    for (QPushButton *b : std::as_const(m_languageButtons)) {
        const QString code = b->property("languageCode").toString();
        b->setChecked(code == m_language);
        b->setAccessibleDescription(InfoText::languageButtonDescription(InfoLanguages::nativeName(code)));
    }
    const QList<InfoTopicId> ids = InfoText::topics();
    for (qsizetype i = 0; i < ids.size() && i < m_topicButtons.size(); ++i) {
        m_topicButtons[i]->setText(InfoText::topicTitle(ids[i]));
        m_topicButtons[i]->setAccessibleName(InfoText::topicTitle(ids[i]));
        m_topicButtons[i]->setAccessibleDescription(InfoText::topicButtonDescription(ids[i]));
    }
    m_finish->setText(InfoText::finishButton());
    m_finish->setAccessibleName(InfoText::finishButton());
    m_finish->setAccessibleDescription(InfoText::finishDescription());
    m_back->setText(InfoText::backButton());
    m_back->setAccessibleName(InfoText::backButton());
    m_back->setAccessibleDescription(InfoText::backDescription());
    renderResult();
    renderTopic();
}

void InfoScreen::renderResult()
{
    // Every label is written on every render, empty when unused, so no earlier traveller's
    // text can survive in a hidden widget.
    const InfoResultText text = m_result ? InfoText::result(*m_result, InfoLanguages::locale(m_language)) : InfoResultText{};
    m_resultHeadline->setText(text.headline);
    for (qsizetype i = 0; i < m_resultLines.size(); ++i) {
        const QString line = i < text.lines.size() ? text.lines[i] : QString();
        m_resultLines[i]->setText(line);
        m_resultLines[i]->setVisible(!line.isEmpty());
    }
}

void InfoScreen::renderTopic()
{
    while (QLayoutItem *item = m_topicLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (!m_topic) {
        m_topicTitle->clear();
        return;
    }
    const InfoTopic topic = InfoText::topic(*m_topic, m_session ? m_session->publicRegimes() : std::nullopt, InfoLanguages::locale(m_language));
    m_topicTitle->setText(topic.title);
    if (auto *scroll = findChild<QScrollArea *>(QStringLiteral("topicScroll")))
        scroll->setAccessibleName(topic.title);
    for (const InfoStatement &s : topic.statements) {
        QString text = s.text.toHtmlEscaped();
        if (!s.items.isEmpty()) {
            text += QStringLiteral("<ul style=\"margin-top:4px; margin-bottom:0px\">");
            for (const QString &item : s.items)
                text += QStringLiteral("<li>%1</li>").arg(item.toHtmlEscaped());
            text += QStringLiteral("</ul>");
        }
        text += QStringLiteral("<br/><span style=\"font-size:20px\">%1</span>").arg(InfoText::sourceLabel(s.source).toHtmlEscaped());
        auto *label = new QLabel(m_topicBody);
        label->setObjectName(QStringLiteral("statement"));
        label->setTextFormat(Qt::RichText);
        label->setWordWrap(true);
        setLabelFont(label, 26);
        label->setText(text);
        m_topicLayout->addWidget(label);
        label->show(); // at once, not from the layout's queued show: a screen reader reads it now
    }
    m_topicLayout->addStretch();
}

void InfoScreen::onPolicyMayHaveChanged()
{
    // Re-state what is on screen with the policy in force now; the traveller's page and
    // language stay as they are.
    if (m_result && m_session && m_session->currentCase())
        m_result = m_session->infoResult(*m_session->currentCase());
    renderResult();
    renderTopic();
}

InfoScreen::Page InfoScreen::page() const
{
    if (m_pages->currentWidget() == m_resultPage)
        return Page::Result;
    if (m_pages->currentWidget() == m_topicPage)
        return Page::Topic;
    return Page::Start;
}

void InfoScreen::setIdleTimeout(std::chrono::milliseconds timeout)
{
    m_idle.setInterval(timeout);
    if (m_idle.isActive())
        m_idle.start();
}

void InfoScreen::setLanguageInternal(const QString &code)
{
    if (!m_languages.languages().contains(code))
        return;
    m_language = code;
    if (auto ok = m_translator.install(code); !ok)
        qCWarning(lcInfo) << ok.error().code << ok.error().message;
    // The translator's LanguageChange reaches changeEvent(); when the file was missing, or the
    // language was already installed, retranslate here so the dates follow the locale anyway.
    retranslate();
}

void InfoScreen::chooseLanguage(const QString &code)
{
    m_languageChosen = true;
    setLanguageInternal(code);
    restartIdle();
}

void InfoScreen::showTopic(InfoTopicId id)
{
    if (page() != Page::Topic)
        m_returnPage = page();
    m_topic = id;
    m_pages->setCurrentWidget(m_topicPage);
    renderTopic();
    restartIdle();
}

void InfoScreen::onCaseChanged(const Session::Case &c)
{
    // The session has checked the case in the direction the traveller's history asks for
    // (their open stay, else a stay starting today) and works out what may be said.
    if (!c.document && (c.seal || c.boardingPass)) {
        // A visa seal or a boarding pass read before the passport: nothing to say yet, the
        // start page asks for the passport; the idle timeout clears the session's case.
        m_result.reset();
        m_pages->setCurrentWidget(m_startPage);
        renderResult();
        restartIdle();
        return;
    }
    m_result = m_session->infoResult(c); // only the session signals a case
    m_topic.reset();
    if (c.document && !m_languageChosen)
        setLanguageInternal(m_languages.suggestedFor(c.document->nationality));
    m_pages->setCurrentWidget(m_resultPage);
    renderResult();
    renderTopic();
    // A screen reader announces the answer; keyboard users land on Finish.
    QAccessibleEvent announce(m_resultHeadline, QAccessible::Alert);
    QAccessible::updateAccessibility(&announce);
    m_finish->setFocus(Qt::OtherFocusReason);
    restartIdle();
}

void InfoScreen::documentRemoved()
{
    returnToStart();
}

void InfoScreen::returnToStart()
{
    m_idle.stop();
    m_result.reset();
    m_topic.reset();
    m_returnPage = Page::Start;
    m_languageChosen = false;
    m_pages->setCurrentWidget(m_startPage);
    if (m_session && m_session->currentCase())
        m_session->clearCase(); // the session's copy of the case goes too
    setLanguageInternal(m_languages.defaultLanguage());
    renderResult();
    renderTopic();
    if (InfoStaffExitDialog *dialog = m_staffDialog)
        dialog->reject();
}

void InfoScreen::restartIdle()
{
    // Nothing to clear at the start page in the default language: no timer needed.
    if (m_result || m_topic || m_languageChosen || (m_session && m_session->currentCase()))
        m_idle.start();
}

void InfoScreen::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void InfoScreen::closeEvent(QCloseEvent *event)
{
    // A traveller cannot close the screen (Alt+F4, a window manager's close): only staff, with
    // the PIN.
    if (m_settings.kioskMode && !m_exitGranted) {
        event->ignore();
        return;
    }
    QWidget::closeEvent(event);
}

bool InfoScreen::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::KeyPress:
    case QEvent::TouchBegin:
    case QEvent::Wheel:
        if (auto *w = qobject_cast<QWidget *>(watched); w && (w == this || isAncestorOf(w)))
            restartIdle();
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void InfoScreen::openStaffExit()
{
    // After wrong PINs the session's throttle holds entry back: no dialog to guess in.
    if (m_staffDialog || !m_session || m_session->pinEntryDelayed())
        return;
    auto *dialog = new InfoStaffExitDialog(m_session, std::max(minimumTouchPixels(), 64), this);
    m_staffDialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] {
        m_exitGranted = true;
        qCInfo(lcInfo) << "staff left the information screen";
        Q_EMIT staffExitGranted();
        close();
    });
    dialog->open();
}

} // namespace Kiosk::Ui
