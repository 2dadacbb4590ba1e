#pragma once
// The information screen for foreign travellers (domain-rules §7): `border-kiosk --role info`.
//
// A traveller chooses Azerbaijani, Russian or English at any time; places the passport and
// reads, in plain words, until which date they may stay and how many days are left, or that
// they should see an officer; and reads the information pages (visas, work, residence, help)
// without a passport.
//
// Privacy: the screen runs on a session with Role::Info (read-only: no sign-in,
// recording refused) and never calls an officer action. Any REFER or REFUSE, whatever the
// cause, watchlist hits included, gives the same neutral page (app/session/inforesult.h). After the idle
// timeout (30 s, setting) or when the passport is removed, it returns to the start and clears
// every personal field from its widgets and its memory, and the session's case too.
//
// Kiosk behaviour: full screen, frameless, on top; a traveller cannot close it;
// staff leave with Ctrl+Alt+Shift+K and the staff PIN.
#include "ui/infolanguage.h"
#include "ui/infotext.h"

#include <QKeySequence>
#include <QList>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <chrono>
#include <optional>

class QAbstractButton;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QStackedWidget;
class QVBoxLayout;

namespace Kiosk::Session {
class CheckpointSession;
struct Case;
}

namespace Kiosk::Ui {

class InfoStaffExitDialog;

struct InfoSettings
{
    int idleSeconds = 30;            // back to the start after this long untouched
    bool kioskMode = true;           // full screen, frameless, cannot be closed
    // The staff PIN is the session's (SessionConfig::staffPinHash): it checks it, with its throttle.
    QKeySequence staffExitKeys{QKeySequence(Qt::CTRL | Qt::ALT | Qt::SHIFT | Qt::Key_K)};
    // A deployment's settings come from kiosk.ini's [info] (app/core/kioskconfig.h, read by
    // app/kiosk), never from another settings file.
};

class InfoScreen : public QWidget
{
    Q_OBJECT
public:
    explicit InfoScreen(Session::CheckpointSession *session, QWidget *parent = nullptr);
    InfoScreen(Session::CheckpointSession *session, InfoSettings settings, QWidget *parent = nullptr);
    ~InfoScreen() override;

    enum class Page { Start, Result, Topic };
    [[nodiscard]] Page page() const;
    [[nodiscard]] QString language() const { return m_language; }
    [[nodiscard]] const std::optional<InfoResult> &result() const { return m_result; }
    [[nodiscard]] bool holdsPersonalData() const { return m_result.has_value(); }
    [[nodiscard]] const InfoSettings &settings() const { return m_settings; }

    // The smallest side of a touch target in device-independent pixels: 9 mm at this screen's
    // logical DPI.
    [[nodiscard]] int minimumTouchPixels() const;

    void setIdleTimeout(std::chrono::milliseconds timeout);

public Q_SLOTS:
    // The traveller's choice (a language button): kept until the screen returns to the start.
    void chooseLanguage(const QString &code);
    void showTopic(Kiosk::Ui::InfoTopicId id);
    // The reader reports the passport taken away: back to the start, everything cleared.
    void documentRemoved();
    // Back to the start: clears the result from widgets and memory, the session's case, and
    // returns to the default language.
    void returnToStart();

Q_SIGNALS:
    void staffExitGranted();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void build();
    QHBoxLayout *buildTopBar();
    void buildStartPage();
    void buildResultPage();
    void buildTopicPage();
    void buildTopicsAndFooter(QVBoxLayout *root);
    QPushButton *makeButton(const QString &objectName);
    void retranslate();
    void renderResult();
    void renderTopic();
    void onCaseChanged(const Session::Case &c);
    void setLanguageInternal(const QString &code);
    void restartIdle();
    void openStaffExit();
    void onPolicyMayHaveChanged();

    Session::CheckpointSession *m_session;
    InfoSettings m_settings;
    InfoLanguages m_languages;
    KioskTranslator m_translator;
    QString m_language;
    bool m_languageChosen = false;

    // The only personal data the screen holds; cleared on removal and after the idle timeout.
    std::optional<InfoResult> m_result;
    std::optional<InfoTopicId> m_topic;
    Page m_returnPage = Page::Start; // where "Back" on a topic page goes

    QTimer m_idle;
    QList<QPushButton *> m_languageButtons;
    QList<QPushButton *> m_topicButtons;
    QLabel *m_heading = nullptr;
    QStackedWidget *m_pages = nullptr;
    // start page
    QWidget *m_startPage = nullptr;
    QLabel *m_placePassport = nullptr;
    QLabel *m_privacy = nullptr;
    QLabel *m_topicsHeading = nullptr;
    // result page: the same widgets for every outcome
    QWidget *m_resultPage = nullptr;
    QLabel *m_resultHeadline = nullptr;
    QList<QLabel *> m_resultLines;
    QPushButton *m_finish = nullptr;
    // topic page
    QWidget *m_topicPage = nullptr;
    QLabel *m_topicTitle = nullptr;
    QWidget *m_topicBody = nullptr;
    QVBoxLayout *m_topicLayout = nullptr;
    QPushButton *m_back = nullptr;
    QLabel *m_footer = nullptr;

    QPointer<InfoStaffExitDialog> m_staffDialog;
    bool m_exitGranted = false;
};

} // namespace Kiosk::Ui
