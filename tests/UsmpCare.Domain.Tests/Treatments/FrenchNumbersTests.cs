using UsmpCare.Domain.Treatments;

namespace UsmpCare.Domain.Tests.Treatments;

public sealed class FrenchNumbersTests
{
    [Theory]
    [InlineData(0, "zéro")]
    [InlineData(1, "un")]
    [InlineData(14, "quatorze")]
    [InlineData(17, "dix-sept")]
    [InlineData(21, "vingt et un")]
    [InlineData(28, "vingt-huit")]
    [InlineData(40, "quarante")]
    [InlineData(71, "soixante et onze")]
    [InlineData(77, "soixante-dix-sept")]
    [InlineData(80, "quatre-vingts")]
    [InlineData(81, "quatre-vingt-un")]
    [InlineData(99, "quatre-vingt-dix-neuf")]
    [InlineData(100, "cent")]
    [InlineData(180, "cent quatre-vingts")]
    [InlineData(200, "deux cents")]
    [InlineData(201, "deux cent un")]
    [InlineData(1000, "mille")]
    [InlineData(1980, "mille neuf cent quatre-vingts")]
    [InlineData(80000, "quatre-vingt mille")]
    [InlineData(200000, "deux cent mille")]
    [InlineData(2000000, "deux millions")]
    [InlineData(20, "vingt")]
    [InlineData(1000000, "un million")]
    [InlineData(1000080, "un million quatre-vingts")]
    [InlineData(80000000, "quatre-vingts millions")]
    [InlineData(200000000, "deux cents millions")]
    [InlineData(999999999, "neuf cent quatre-vingt-dix-neuf millions neuf cent quatre-vingt-dix-neuf mille neuf cent quatre-vingt-dix-neuf")]
    public void Whole_numbers_are_written_in_french_letters(int value, string expected) =>
        FrenchNumbers.InLetters(value).Should().Be(expected);

    [Theory]
    [InlineData("2.5", "deux virgule cinq")]
    [InlineData("0.25", "zéro virgule vingt-cinq")]
    [InlineData("1.05", "un virgule zéro cinq")]
    [InlineData("40.0", "quarante")]
    public void Decimals_are_read_with_virgule(string value, string expected) =>
        FrenchNumbers.InLetters(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(expected);

    [Theory]
    [InlineData(-1)]
    [InlineData(1000000000)]
    public void A_number_out_of_the_range_written_in_letters_is_refused(int value) =>
        ((Action)(() => FrenchNumbers.InLetters(value))).Should().Throw<ArgumentOutOfRangeException>();
}
