using UsmpCare.Domain.Consents;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Records;
using UsmpCare.Domain.Security;
using static UsmpCare.Domain.Tests.Instants;

namespace UsmpCare.Domain.Tests.Consents;

/// <summary>P36: an act on a minor is signed only with his holders' agreement or his objection (art. L.1111-5 CSP).</summary>
public sealed class MinorCareTests
{
    private static readonly DateOnly Day = DateOnly.FromDateTime(Monday.DateTime);

    private static readonly Patient Minor = new(Guid.NewGuid(), "24021", "Girard", "Théo", Day.AddYears(-17), Sex.Male, Day.AddDays(-3));

    private static ConsentEntry Holder(ConsentDecision decision, HolderQuality quality = HolderQuality.Mother, string name = "Mme Girard", int hoursLater = 0) =>
        new(Minor.Id, ConsentTopic.ParentalAuthority, decision, null, null, "Par téléphone", Author, "Dr Test",
            Monday.AddHours(hoursLater), new ParentalHolder(name, quality, Day));

    private static ConsentEntry Objection(ConsentDecision decision, string? adult, int hoursLater = 0) =>
        new(Minor.Id, ConsentTopic.MinorObjection, decision, null, null, "En entretien, après avoir cherché à obtenir son accord",
            Author, "Dr Test", Monday.AddHours(hoursLater), accompanyingAdult: adult);

    private static ClinicalEntry Consultation(ConsultationType type = ConsultationType.Consultation)
    {
        var entry = ClinicalEntry.New(Team.Somatic, EntryKind.Consultation, Minor.Id, Minor.UnitId, Author, "Dr Test", Monday);
        entry.ConsultationType = type;
        entry.Consent = ConsentStatus.Given;
        entry.Note = "Note";
        return entry;
    }

    private static IReadOnlyList<string> Problems(ClinicalEntry entry, DateOnly day, params ConsentEntry[] history) =>
        entry.SignatureProblems(false, MinorCare.Of(Minor, day, new ConsentState(history)));

    [Fact]
    public void A_minor_s_consultation_is_not_signed_on_his_consent_alone()
    {
        var entry = Consultation();

        Problems(entry, Day).Should().ContainSingle(p => p.Contains("autorité parentale"));
        entry.Invoking(e => e.Sign(Author, "Dr Test", Monday, false, MinorCare.Of(Minor, Day, new([]))))
            .Should().Throw<DomainException>().WithMessage("*autorité parentale*");
        Problems(entry, Day, Holder(ConsentDecision.Informed)).Should().ContainSingle("informing the holders is not their agreement");
        Problems(entry, Day, Holder(ConsentDecision.Agreed)).Should().BeEmpty();
    }

    [Fact]
    public void Age_on_the_day_of_the_act_decides_and_at_18_the_rule_stops()
    {
        var entry = Consultation();
        var eighteenth = Minor.BirthDate.AddYears(18);

        Problems(entry, eighteenth.AddDays(-1)).Should().ContainSingle();
        Problems(entry, eighteenth).Should().BeEmpty();
        entry.SignatureProblems(false, MinorCare.Adult).Should().BeEmpty();
    }

    [Fact]
    public void One_holder_s_refusal_is_not_overridden_by_the_other_s_agreement_until_he_agrees()
    {
        var entry = Consultation();
        var mother = Holder(ConsentDecision.Agreed);
        var father = Holder(ConsentDecision.Refused, HolderQuality.Father, "M. Girard", 1);

        Problems(entry, Day, mother, father).Should().ContainSingle();
        Problems(entry, Day, mother, father, Holder(ConsentDecision.Agreed, HolderQuality.Father, "m. girard", 2)).Should().BeEmpty();
        new ConsentState([mother, Holder(ConsentDecision.Refused, hoursLater: 3)]).ParentalAgreement.Should().BeNull("her latest word is a refusal");
    }

    [Fact]
    public void The_minor_s_objection_with_an_accompanying_adult_lets_the_act_be_signed_until_withdrawn()
    {
        var entry = Consultation();
        var objection = Objection(ConsentDecision.Objected, "Mme Leroy, éducatrice PJJ");

        objection.AccompanyingAdult.Should().Be("Mme Leroy, éducatrice PJJ");
        Problems(entry, Day, objection).Should().BeEmpty();
        Problems(entry, Day, objection, Objection(ConsentDecision.ObjectionWithdrawn, null, 1)).Should().ContainSingle();
        var alone = () => Objection(ConsentDecision.Objected, " ");
        alone.Should().Throw<DomainException>().WithMessage("*accompagner*");
    }

    [Fact]
    public void An_emergency_or_a_recorded_refusal_needs_no_holder()
    {
        Problems(Consultation(ConsultationType.Emergency), Day).Should().BeEmpty();
        var refused = Consultation();
        refused.Consent = ConsentStatus.Refused;
        refused.ConsentDetails = "Refuse l'examen";
        Problems(refused, Day).Should().BeEmpty();
    }

    [Fact]
    public void A_holder_is_recorded_with_name_quality_and_a_day_that_is_not_in_the_future()
    {
        var noName = () => new ConsentEntry(Minor.Id, ConsentTopic.ParentalAuthority, ConsentDecision.Agreed, null, null,
            "Par téléphone", Author, "Dr", Monday, new ParentalHolder(" ", HolderQuality.Mother, Day));
        var noHolder = () => new ConsentEntry(Minor.Id, ConsentTopic.ParentalAuthority, ConsentDecision.Agreed, null, null,
            "Par téléphone", Author, "Dr", Monday);
        var unknownQuality = () => new ConsentEntry(Minor.Id, ConsentTopic.ParentalAuthority, ConsentDecision.Agreed, null, null,
            "Par téléphone", Author, "Dr", Monday, new ParentalHolder("Mme Girard", (HolderQuality)42, Day));
        var future = () => new ConsentEntry(Minor.Id, ConsentTopic.ParentalAuthority, ConsentDecision.Agreed, null, null,
            "Par téléphone", Author, "Dr", Monday, new ParentalHolder("Mme Girard", HolderQuality.Mother, Day.AddDays(2)));

        noName.Should().Throw<DomainException>().WithMessage("*nom*");
        noHolder.Should().Throw<DomainException>().WithMessage("*nom*");
        unknownQuality.Should().Throw<DomainException>().WithMessage("*qualité*");
        future.Should().Throw<DomainException>().WithMessage("*futur*");
        var recorded = Holder(ConsentDecision.Informed);
        (recorded.HolderName, recorded.HolderQuality, recorded.HolderReachedOn).Should().Be(("Mme Girard", HolderQuality.Mother, Day));
        ConsentEntry.Allowed(ConsentTopic.ParentalAuthority).Should().BeEquivalentTo([ConsentDecision.Informed, ConsentDecision.Agreed, ConsentDecision.Refused]);
    }
}
