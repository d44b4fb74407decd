using UsmpCare.Domain.Consents;
using UsmpCare.Domain.Disclosures;
using static UsmpCare.Domain.Tests.Instants;

namespace UsmpCare.Domain.Tests.Disclosures;

public sealed class DisclosureTests
{
    private static readonly Guid Patient = Guid.NewGuid();

    private static Disclosure Disclose(Guid? consent, LegalException? exception) =>
        new(Guid.NewGuid(), Guid.NewGuid(), RecipientCategory.Spip, " SPIP du Val-de-Marne ", " Date de sortie prévue ",
            "Partage avec le SPIP (P03)", consent, exception, Author, "Dr Test", Monday);

    [Fact]
    public void Nothing_leaves_without_the_patients_agreement_or_an_exception_of_the_law()
    {
        // P02
        var disclose = () => Disclose(null, null);

        disclose.Should().Throw<DomainException>().WithMessage("*accord du patient*");
    }

    [Fact]
    public void An_exception_outside_the_closed_list_is_refused_in_french()
    {
        // P02: no free-text exception, and no code the list does not hold.
        var disclose = () => Disclose(null, (LegalException)99);

        disclose.Should().Throw<DomainException>().WithMessage("*liste des exceptions prévues par la loi*");
    }

    private static ConsentEntry Health(ConsentDecision decision, int day) =>
        new(Patient, ConsentTopic.OutsideExchange, decision, OutsideCategory.Health, null, "Oralement", Author, "Dr Test",
            Monday.AddDays(day));

    [Fact]
    public void An_agreement_withdrawn_after_being_given_lets_nothing_leave_for_a_health_professional()
    {
        // P02: the patient's current word, not any word he once gave.
        var given = Health(ConsentDecision.Agreed, 0);
        var consents = new ConsentState([given, Health(ConsentDecision.Refused, 1)]);

        var send = () => Disclosure.Basis(consents, RecipientCategory.DesignatedPhysician, given.Id, null);

        send.Should().Throw<DomainException>().WithMessage("*retiré*exception prévue par la loi*");
        Disclosure.Basis(new ConsentState([given]), RecipientCategory.OtherUnit, null, null)
            .Should().Be((given.Id, (LegalException?)null));
    }

    [Fact]
    public void Without_the_agreement_an_exception_of_the_list_lets_it_go_and_the_ledger_names_it()
    {
        var consents = new ConsentState([Health(ConsentDecision.Refused, 0)]);

        var (consent, exception) = Disclosure.Basis(consents, RecipientCategory.OutsideProfessional, null, LegalException.CareTeamSharing);
        var line = Disclose(consent, exception);

        line.ConsentEntryId.Should().BeNull();
        line.Ground.Should().Be("Échange entre professionnels qui prennent en charge le patient (art. L.1110-4 CSP)");
    }

    [Fact]
    public void Sharing_with_spip_rests_on_the_patient_being_informed_and_not_objecting()
    {
        // P02, P03
        ConsentEntry Spip(ConsentTopic topic, ConsentDecision decision, int day) =>
            new(Patient, topic, decision, null, null, "Oralement", Author, "Dr Test", Monday.AddDays(day));
        var informed = Spip(ConsentTopic.SpipInformation, ConsentDecision.Informed, 0);

        Disclosure.Basis(new ConsentState([informed]), RecipientCategory.Spip, null, null).ConsentEntryId.Should().Be(informed.Id);
        var objecting = () => Disclosure.Basis(new ConsentState([informed, Spip(ConsentTopic.SpipObjection, ConsentDecision.Objected, 1)]),
            RecipientCategory.Spip, informed.Id, null);
        objecting.Should().Throw<DomainException>().WithMessage("*SPIP*");
    }

    [Fact]
    public void A_disclosure_rests_on_a_recorded_agreement_or_on_a_named_exception()
    {
        var consent = Guid.NewGuid();

        var agreed = Disclose(consent, null);
        var excepted = Disclose(null, LegalException.RecordAccessRequest);

        agreed.ConsentEntryId.Should().Be(consent);
        agreed.RecipientName.Should().Be("SPIP du Val-de-Marne");
        agreed.What.Should().Be("Date de sortie prévue");
        excepted.Exception.Should().Be(LegalException.RecordAccessRequest);
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
