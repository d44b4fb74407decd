using UsmpCare.Domain.Records;

namespace UsmpCare.Domain.Tests.Records;

public sealed class Cim10Tests
{
    [Theory]
    [InlineData("J45.9", "J45.9")]
    [InlineData("j459", "J45.9")]
    [InlineData("I10 — Hypertension essentielle (primitive)", "I10")]
    public void Cim10_codes_are_found_however_they_are_typed(string typed, string code)
    {
        Cim10.Find(typed)!.Code.Should().Be(code);
    }

    [Fact]
    public void The_cim10_catalogue_is_loaded_and_rejects_unknown_codes()
    {
        Cim10.All.Should().HaveCountGreaterThan(400);
        Cim10.Find("ZZ9").Should().BeNull();
        Cim10.Find("F32.1")!.Label.Should().Contain("dépressif");
    }
}
