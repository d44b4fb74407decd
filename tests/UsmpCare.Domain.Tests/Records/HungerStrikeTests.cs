using UsmpCare.Domain.Records;

namespace UsmpCare.Domain.Tests.Records;

/// <summary>P35: during a hunger strike a refusal is recorded and respected; a measure needs consent or the legal path.</summary>
public sealed class HungerStrikeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Nurse = Guid.NewGuid();

    private static HungerStrike Strike() =>
        new(Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2026, 11, 20), false, Guid.NewGuid(), "Dr Test", Now.AddDays(-3));

    [Fact]
    public void A_measure_is_recorded_only_with_consent_or_the_legal_path_and_its_basis()
    {
        var strike = Strike();

        var noBasis = () => strike.RecordMeasure(HungerStrikeAct.Rehydration, null, "Perfusion posée", Nurse, "IDE", Now);
        noBasis.Should().Throw<DomainException>().WithMessage("*consentement du patient ou*voie légale*");
        var unknownBasis = () => strike.RecordMeasure(HungerStrikeAct.Rehydration, (MeasureBasis)7, "Perfusion posée", Nurse, "IDE", Now);
        unknownBasis.Should().Throw<DomainException>();
        var legalWithoutBasis = () => strike.RecordMeasure(HungerStrikeAct.Rehydration, MeasureBasis.LegalPath, " ", Nurse, "IDE", Now);
        legalWithoutBasis.Should().Throw<DomainException>().WithMessage("*L1111-4*");
        var consentWithoutWords = () => strike.RecordMeasure(HungerStrikeAct.Weighing, MeasureBasis.Consent, "", Nurse, "IDE", Now);
        consentWithoutWords.Should().Throw<DomainException>().WithMessage("*consentement*");
        strike.Events.Should().BeEmpty("a refused measure leaves nothing");

        strike.RecordMeasure(HungerStrikeAct.Rehydration, MeasureBasis.LegalPath,
            "Inconscient, urgence vitale, sœur (personne de confiance) consultée", Nurse, "Dr Test", Now);
        strike.Events.Should().ContainSingle().Which.Should().Match<HungerStrikeEvent>(e =>
            e.Basis == MeasureBasis.LegalPath && e.Detail.StartsWith("Inconscient") && !e.IsRefusal);
    }

    [Fact]
    public void A_refusal_stands_until_the_patient_consents_again()
    {
        var strike = Strike();
        var noWords = () => strike.RecordRefusal(HungerStrikeAct.Weighing, "  ", Nurse, "IDE", Now);
        noWords.Should().Throw<DomainException>();

        strike.RecordRefusal(HungerStrikeAct.Weighing, "Ne veut plus monter sur la balance", Nurse, "IDE", Now);

        strike.Refuses(HungerStrikeAct.Weighing).Should().BeTrue();
        strike.Refuses(HungerStrikeAct.Examination).Should().BeFalse("a refusal is of one act, not of all");
        var weigh = () => strike.EnsureNotRefused(HungerStrikeAct.Weighing);
        weigh.Should().Throw<DomainException>().WithMessage("*refus est respecté*");

        strike.RecordMeasure(HungerStrikeAct.Weighing, MeasureBasis.Consent, "Accepte à nouveau la pesée", Nurse, "IDE", Now.AddHours(2));
        strike.Refuses(HungerStrikeAct.Weighing).Should().BeFalse();
        weigh.Should().NotThrow();
    }

    [Fact]
    public void Nothing_is_recorded_once_the_strike_has_ended()
    {
        var strike = Strike();
        strike.End(new DateOnly(2026, 11, 23), "Reprise de l'alimentation");

        var refusal = () => strike.RecordRefusal(HungerStrikeAct.Treatment, "Refuse", Nurse, "IDE", Now);
        refusal.Should().Throw<DomainException>().WithMessage("*terminée*");
    }

    [Fact]
    public void A_new_strike_keeps_who_started_it_when_and_whether_fluids_are_refused_and_counts_its_first_day_as_day_one()
    {
        var patient = Guid.NewGuid();
        var strike = new HungerStrike(patient, Guid.NewGuid(), new DateOnly(2026, 11, 20), true, Nurse, "Dr Test", Now);

        strike.PatientId.Should().Be(patient);
        strike.StartedOn.Should().Be(new DateOnly(2026, 11, 20));
        strike.RefusesFluids.Should().BeTrue();
        strike.StartedByName.Should().Be("Dr Test");
        strike.InProgress.Should().BeTrue();
        strike.DaysOn(new DateOnly(2026, 11, 20)).Should().Be(1);
        strike.DaysOn(new DateOnly(2026, 11, 23)).Should().Be(4);
    }

    [Fact]
    public void The_information_given_is_recorded_in_words_never_empty()
    {
        var strike = Strike();
        var empty = () => strike.RecordInformation("  ", Now);
        empty.Should().Throw<DomainException>().WithMessage("*information*");
        strike.InformationGiven.Should().BeNull();

        strike.RecordInformation(" Risques du jeûne expliqués, suivi quotidien proposé ", Now);
        strike.InformationGiven.Should().Be("Risques du jeûne expliqués, suivi quotidien proposé");
        strike.InformedAt.Should().Be(Now);
    }

    [Fact]
    public void A_strike_ends_once_on_or_after_its_first_day_with_how_it_ended()
    {
        var strike = Strike();
        var beforeStart = () => strike.End(new DateOnly(2026, 11, 19), "Reprise");
        beforeStart.Should().Throw<DomainException>().WithMessage("*précède*");
        var noReason = () => strike.End(new DateOnly(2026, 11, 21), " ");
        noReason.Should().Throw<DomainException>().WithMessage("*comment*");
        strike.InProgress.Should().BeTrue();

        strike.End(new DateOnly(2026, 11, 20), " Reprise de l'alimentation ");
        strike.EndedOn.Should().Be(new DateOnly(2026, 11, 20));
        strike.EndReason.Should().Be("Reprise de l'alimentation");
        var again = () => strike.End(new DateOnly(2026, 11, 22), "Autre");
        again.Should().Throw<DomainException>().WithMessage("*déjà terminée*");
    }

    [Fact]
    public void An_act_outside_the_list_is_refused_and_no_measure_is_recorded_after_the_end()
    {
        var strike = Strike();
        var refusal = () => strike.RecordRefusal((HungerStrikeAct)9, "Refuse", Nurse, "IDE", Now);
        refusal.Should().Throw<DomainException>().WithMessage("*liste*");
        var measure = () => strike.RecordMeasure((HungerStrikeAct)9, MeasureBasis.Consent, "Accepte", Nurse, "IDE", Now);
        measure.Should().Throw<DomainException>().WithMessage("*liste*");
        strike.Events.Should().BeEmpty();

        strike.End(new DateOnly(2026, 11, 23), "Reprise de l'alimentation");
        var late = () => strike.RecordMeasure(HungerStrikeAct.Weighing, MeasureBasis.Consent, "Accepte", Nurse, "IDE", Now);
        late.Should().Throw<DomainException>().WithMessage("*terminée*");
    }
}
