using System.Text.RegularExpressions;

namespace UsmpCare.Documents;

/// <summary>
/// French typography for everything printed: straight quotes become « », and a non-breaking space goes before
/// « : ; ! ? » and inside the guillemets, so a line never starts with a colon; a phone number is held together by
/// non-breaking spaces, so it never breaks across lines (P15: the unit's number must be readable on every page).
/// </summary>
public static partial class FrenchTypography
{
    public const char Nbsp = '\u00A0';
    public const char NarrowNbsp = '\u202F';

    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex StraightQuotes();

    [GeneratedRegex(@"\s*([;!?])")]
    private static partial Regex HighPunctuation();

    [GeneratedRegex(@"(?<=\S)\s*:(?=\s|$)")]
    private static partial Regex Colon();

    [GeneratedRegex(@"«\s*")]
    private static partial Regex OpeningGuillemet();

    [GeneratedRegex(@"\s*»")]
    private static partial Regex ClosingGuillemet();

    /// <summary>A French number (« 03 83 12 34 56 », « 03.83.12.34.56 ») or an international one (« +33 3 83 12 34 56 »).</summary>
    [GeneratedRegex(@"(?<![\d+])(?:\+\d{2,3}[ .]?\d|0\d)(?:[ .]\d{2}){4}(?!\d)")]
    private static partial Regex PhoneNumber();

    public static string Apply(string text)
    {
        var result = StraightQuotes().Replace(text, "« $1 »");
        result = HighPunctuation().Replace(result, NarrowNbsp + "$1");
        result = Colon().Replace(result, Nbsp + ":");
        result = OpeningGuillemet().Replace(result, "«" + Nbsp);
        result = ClosingGuillemet().Replace(result, Nbsp + "»");
        result = PhoneNumber().Replace(result, m => m.Value.Replace(' ', Nbsp));
        return result;
    }
}
