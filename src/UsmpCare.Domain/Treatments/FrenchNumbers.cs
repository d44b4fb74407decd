using System.Globalization;

namespace UsmpCare.Domain.Treatments;

/// <summary>
/// Numbers written in full French letters, as a stupéfiant's prescription requires them (art. R.5132-29 CSP: dose,
/// number of takes and duration « en toutes lettres »), in the 1990 reformed spelling's traditional form (« vingt et
/// un », « quatre-vingts », « deux cents », « mille »), decimals read « virgule ».
/// </summary>
public static class FrenchNumbers
{
    private static readonly string[] Units =
    [
        "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "treize",
        "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf",
    ];

    private static readonly string[] Tens = ["", "", "vingt", "trente", "quarante", "cinquante", "soixante"];

    /// <summary>0 to 999 999 999; a decimal (2,5) reads « deux virgule cinq », its decimals as one number (0,25 → « zéro virgule vingt-cinq »).</summary>
    public static string InLetters(decimal value)
    {
        if (value < 0 || value >= 1_000_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Nombre hors de l'intervalle écrit en lettres.");
        }
        var whole = decimal.Truncate(value);
        var text = InLetters((long)whole);
        var decimals = (value - whole).ToString(CultureInfo.InvariantCulture).TrimStart('0').TrimStart('.').TrimEnd('0');
        if (decimals.Length == 0)
        {
            return text;
        }
        // « 0,05 » reads « zéro virgule zéro cinq »: the leading zeros of the decimals are said.
        var zeros = string.Concat(decimals.TakeWhile(c => c == '0').Select(_ => "zéro "));
        return $"{text} virgule {zeros}{InLetters(long.Parse(decimals, CultureInfo.InvariantCulture))}";
    }

    private static string InLetters(long n) => n switch
    {
        < 100 => BelowHundred((int)n, last: true),
        < 1000 => Hundreds((int)n, last: true),
        < 1_000_000 => Thousands((int)n),
        _ => Millions(n),
    };

    private static string Millions(long n)
    {
        var (millions, rest) = ((int)(n / 1_000_000), (int)(n % 1_000_000));
        var head = millions == 1 ? "un million" : $"{Hundreds(millions, last: true)} millions";
        return rest == 0 ? head : $"{head} {Thousands(rest)}";
    }

    private static string Thousands(int n)
    {
        var (thousands, rest) = (n / 1000, n % 1000);
        if (thousands == 0)
        {
            return Hundreds(rest, last: true);
        }
        // « mille » never takes an s, and « cent » and « vingt » before it neither (« deux cent mille »).
        var head = thousands == 1 ? "mille" : $"{Hundreds(thousands, last: false)} mille";
        return rest == 0 ? head : $"{head} {Hundreds(rest, last: true)}";
    }

    /// <summary><paramref name="last"/>: the number ends here, so « cents » and « quatre-vingts » take their s.</summary>
    private static string Hundreds(int n, bool last)
    {
        var (hundreds, rest) = (n / 100, n % 100);
        if (hundreds == 0)
        {
            return BelowHundred(rest, last);
        }
        var head = hundreds == 1 ? "cent" : $"{Units[hundreds]} cent{(rest == 0 && last ? "s" : "")}";
        return rest == 0 ? head : $"{head} {BelowHundred(rest, last)}";
    }

    private static string BelowHundred(int n, bool last)
    {
        if (n < 20)
        {
            return Units[n];
        }
        var (ten, unit) = (n / 10, n % 10);
        return ten switch
        {
            7 => unit == 1 ? "soixante et onze" : $"soixante-{Units[10 + unit]}",
            8 => unit == 0 ? (last ? "quatre-vingts" : "quatre-vingt") : $"quatre-vingt-{Units[unit]}",
            9 => $"quatre-vingt-{Units[10 + unit]}",
            _ => unit switch
            {
                0 => Tens[ten],
                1 => $"{Tens[ten]} et un",
                _ => $"{Tens[ten]}-{Units[unit]}",
            },
        };
    }
}
