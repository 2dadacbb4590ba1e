#pragma once
// The verdict in colour AND in words (never colour alone), with a symbol so that
// it also reads for colour-blind officers and on a monochrome screenshot.
#include "app/core/verdict.h"

#include <QLabel>
#include <QWidget>

namespace Kiosk::Ui {

class VerdictBanner : public QWidget
{
    Q_OBJECT
public:
    explicit VerdictBanner(QWidget *parent = nullptr);

    void showVerdict(VerdictKind verdict, Direction direction, const QString &detail);
    void showNoVerdict(const QString &why);
    // The words on the banner, for tests and accessibility.
    [[nodiscard]] QString text() const;
    [[nodiscard]] std::optional<VerdictKind> verdict() const { return m_verdict; }

private:
    void paintAs(const QColor &background);
    QLabel *m_symbol;
    QLabel *m_word;
    QLabel *m_detail;
    std::optional<VerdictKind> m_verdict;
};

} // namespace Kiosk::Ui
