using System.Text.RegularExpressions;

namespace UsmpCare.Documents;

/// <summary>
/// French typography for everything printed: straight quotes become « », and a non-breaking space goes before
/// « : ; ! ? » and inside the guillemets, so a line never starts with a colon.
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

    public static string Apply(string text)
    {
        var result = StraightQuotes().Replace(text, "« $1 »");
        result = HighPunctuation().Replace(result, NarrowNbsp + "$1");
        result = Colon().Replace(result, Nbsp + ":");
        result = OpeningGuillemet().Replace(result, "«" + Nbsp);
        result = ClosingGuillemet().Replace(result, Nbsp + "»");
        return result;
    }
}
