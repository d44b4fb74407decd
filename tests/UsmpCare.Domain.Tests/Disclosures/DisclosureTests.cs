using UsmpCare.Domain.Disclosures;
using static UsmpCare.Domain.Tests.Instants;

namespace UsmpCare.Domain.Tests.Disclosures;

public sealed class DisclosureTests
{
    private static Disclosure Disclose(Guid? consent, string? exception) =>
        new(Guid.NewGuid(), Guid.NewGuid(), RecipientCategory.Spip, " SPIP du Val-de-Marne ", " Date de sortie prévue ",
            "Partage avec le SPIP (P03)", consent, exception, Author, "Dr Test", Monday);

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void Nothing_leaves_without_the_patients_agreement_or_an_exception_of_the_law(string? exception)
    {
        // P02
        var disclose = () => Disclose(null, exception);

        disclose.Should().Throw<DomainException>().WithMessage("*accord du patient*");
    }

    [Fact]
    public void A_disclosure_rests_on_a_recorded_agreement_or_on_a_named_exception()
    {
        var consent = Guid.NewGuid();

        var agreed = Disclose(consent, null);
        var excepted = Disclose(null, "À la demande du patient (P14)");

        agreed.ConsentEntryId.Should().Be(consent);
        agreed.RecipientName.Should().Be("SPIP du Val-de-Marne");
        agreed.What.Should().Be("Date de sortie prévue");
        excepted.Exception.Should().Be("À la demande du patient (P14)");
    }

    [Fact]
    public void A_risk_signalement_names_at_least_one_protective_measure_and_its_facts()
    {
        // P06: the director receives measures and facts, nothing medical.
        var noMeasure = () => new RiskSignalement(Guid.NewGuid(), Guid.NewGuid(), [], "Menaces proférées", Guid.NewGuid(), Author, "Dr", Monday);
        var noFacts = () => new RiskSignalement(Guid.NewGuid(), Guid.NewGuid(), ["Cellule individuelle"], " ", Guid.NewGuid(), Author, "Dr", Monday);

        noMeasure.Should().Throw<DomainException>();
        noFacts.Should().Throw<DomainException>();
        new RiskSignalement(Guid.NewGuid(), Guid.NewGuid(), ["Cellule individuelle"], " Menaces ", Guid.NewGuid(), Author, "Dr", Monday)
            .Facts.Should().Be("Menaces");
    }
}
