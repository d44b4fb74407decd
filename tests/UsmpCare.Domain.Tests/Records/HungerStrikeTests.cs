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
}
