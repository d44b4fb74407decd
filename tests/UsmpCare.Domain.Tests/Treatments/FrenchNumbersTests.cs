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
    public void Whole_numbers_are_written_in_french_letters(int value, string expected) =>
        FrenchNumbers.InLetters(value).Should().Be(expected);

    [Theory]
    [InlineData("2.5", "deux virgule cinq")]
    [InlineData("0.25", "zéro virgule vingt-cinq")]
    [InlineData("1.05", "un virgule zéro cinq")]
    [InlineData("40.0", "quarante")]
    public void Decimals_are_read_with_virgule(string value, string expected) =>
        FrenchNumbers.InLetters(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(expected);

    [Fact]
    public void A_negative_number_is_refused() =>
        ((Action)(() => FrenchNumbers.InLetters(-1))).Should().Throw<ArgumentOutOfRangeException>();
}
