//! The interface's own words, in Russian and English.

use crate::lang::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UiText {
    Heading,
    ViewGroup,
    Measure,
    Language,
    DataTable,
    ColumnId,
    ColumnScope,
    ColumnSeries,
    ColumnValue,
    ColumnWhen,
    ColumnSource,
    ColumnWording,
    InvalidDataset,
    ShowingEmbedded,
    LoadFailed,
    NotSameOrigin,
    MoreProblems,
    Loading,
    Note,
    OtherFigures,
    NoFigures,
    AllPeriods,
    Period,
    Sort,
    ValueLabels,
    DetailsTitle,
    Close,
    Disagrees,
    ChartHelp,
}

pub fn ui(text: UiText, lang: Lang) -> &'static str {
    use UiText::*;
    let (ru, en) = match text {
        Heading => ("Рабочие места в ОЭЗ «Технополис Москва»", "Jobs in the SEZ Technopolis Moscow"),
        ViewGroup => ("Вид графика", "Chart view"),
        Measure => ("Показатель", "Measure"),
        Language => ("Язык", "Language"),
        DataTable => ("Таблица данных графика", "Data table of the chart"),
        ColumnId => ("Номер цифры", "Figure id"),
        ColumnScope => ("Что охватывает", "Covers"),
        ColumnSeries => ("Показатель", "Measure"),
        ColumnValue => ("Значение", "Value"),
        ColumnWhen => ("Дата или период", "Date or period"),
        ColumnSource => ("Источник", "Source"),
        ColumnWording => ("Формулировка источника", "Source's wording"),
        InvalidDataset => ("Набор данных не прошёл проверку", "The dataset failed validation"),
        ShowingEmbedded => ("Показан встроенный набор данных.", "Showing the embedded dataset instead."),
        LoadFailed => ("Не удалось загрузить набор данных", "Could not load the dataset"),
        NotSameOrigin => ("разрешены только адреса этого же сайта", "only addresses on this same site are allowed"),
        MoreProblems => ("и ещё проблем:", "and more problems:"),
        Loading => ("Загрузка данных…", "Loading data…"),
        Note => ("Примечание", "Note"),
        AllPeriods => ("Все / последние", "All / latest"),
        Period => ("Дата или период", "Date or period"),
        Sort => ("Порядок", "Order"),
        ValueLabels => ("Подписи значений", "Value labels"),
        DetailsTitle => ("все цифры набора данных", "every figure in the dataset"),
        Close => ("Закрыть", "Close"),
        Disagrees => ("Расходится с", "Disagrees with"),
        ChartHelp => (
            "Стрелки — переход между цифрами, Home и End — к первой и последней, Enter — выбрать, Esc — снять выбор.",
            "Arrow keys move between figures, Home and End jump to the first and last, Enter selects, Esc clears the selection.",
        ),
        NoFigures => ("В этом наборе данных нет цифр для этого вида графика.", "This dataset has no figures for this chart view."),
        OtherFigures => ("Другие цифры об этом же:", "Other figures for the same:"),
    };
    lang.pick(ru, en)
}
