using UsmpCare.Domain.Followup;
using UsmpCare.Domain.Records;
using UsmpCare.Domain.Security;

namespace UsmpCare.Domain.Tests.Followup;

public sealed class ProblemAndVaccinationTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);
    private static readonly DateOnly Birth = new(1990, 3, 10);
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    private static Problem Asthma(DateOnly? onset = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Team.Somatic, new Cim10Code("J45.9", "Asthme, sans précision"), onset ?? new DateOnly(2020, 1, 1),
            null, Guid.NewGuid(), "Dr Martin", Now, Today);

    private static Vaccination Dose(Vaccine vaccine, DateOnly on, int number = 1) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Team.Somatic, vaccine, number, "AB123", on, InjectionSite.LeftDeltoid, Birth,
            Guid.NewGuid(), "Infirmière Roux", Now, Today);

    [Fact]
    public void A_problem_is_resolved_after_its_onset_and_an_erroneous_one_keeps_its_reason()
    {
        ((Action)(() => Asthma(Today.AddDays(1)))).Should().Throw<DomainException>().WithMessage("*futur*");
        var problem = Asthma();
        ((Action)(() => problem.Resolve(new DateOnly(2019, 12, 31), Today))).Should().Throw<DomainException>().WithMessage("*précède*");
        problem.Resolve(new DateOnly(2025, 6, 1), Today);
        problem.Status.Should().Be(ProblemStatus.Resolved);

        var mistaken = Asthma();
        ((Action)(() => mistaken.MarkErroneous(" ", "Dr Martin", Now))).Should().Throw<DomainException>().WithMessage("*pourquoi*");
        mistaken.MarkErroneous("Mauvais patient", "Dr Martin", Now);
        mistaken.Status.Should().Be(ProblemStatus.Erroneous);
        Problem.Listed.Compile()(mistaken).Should().BeFalse();
        ((Action)(() => mistaken.Resolve(Today, Today))).Should().Throw<DomainException>();
    }

    [Fact]
    public void A_dose_needs_its_lot_and_a_past_date()
    {
        ((Action)(() => new Vaccination(Guid.NewGuid(), Guid.NewGuid(), Team.Somatic, Vaccine.HepatitisB, 1, " ", Today,
            InjectionSite.LeftDeltoid, Birth, Guid.NewGuid(), "Infirmière Roux", Now, Today))).Should().Throw<DomainException>().WithMessage("*lot*");
        ((Action)(() => Dose(Vaccine.HepatitisB, Today.AddDays(1)))).Should().Throw<DomainException>().WithMessage("*passée*");
    }

    [Fact]
    public void Hepatitis_b_catch_up_follows_0_1_6_months_then_stops()
    {
        VaccinationSchedule.CatchUp([], Birth, Today).Should().ContainSingle(d => d.Vaccine == Vaccine.HepatitisB && d.DueOn == Today);
        var first = new DateOnly(2026, 9, 1);
        HepB([Dose(Vaccine.HepatitisB, first)]).Should().Be(new CatchUpDose(Vaccine.HepatitisB, 2, new DateOnly(2026, 10, 1), "2e dose, 1 mois après la 1re"));
        HepB([Dose(Vaccine.HepatitisB, first), Dose(Vaccine.HepatitisB, new DateOnly(2026, 10, 3), 2)])!.DueOn.Should().Be(new DateOnly(2027, 3, 1));
        var may = new DateOnly(2026, 5, 1);
        HepB([Dose(Vaccine.HepatitisB, may), Dose(Vaccine.HepatitisB, may.AddMonths(1), 2), Dose(Vaccine.HepatitisB, may.AddMonths(6), 3)])
            .Should().BeNull();
    }

    [Fact]
    public void Dtp_primary_series_then_boosters_at_the_fixed_ages()
    {
        var first = new DateOnly(2026, 6, 1);
        Dtp([Dose(Vaccine.Dtp, first)])!.DueOn.Should().Be(new DateOnly(2026, 8, 1));
        Dtp([Dose(Vaccine.Dtp, first), Dose(Vaccine.DtpPertussis, new DateOnly(2026, 8, 1), 2)])!.DueOn.Should().Be(new DateOnly(2027, 2, 1));
        // Born 1990: last booster at 33 (2023) → next at the fixed age of 45 (2035).
        Dtp(Series(new DateOnly(2023, 5, 1)))!.DueOn.Should().Be(Birth.AddYears(45));
        // Last booster at 43 (2033 is in the future, use a patient born 1970 boosted at 43): within 5 years of 45 → 65.
        var born1970 = new DateOnly(1970, 3, 10);
        VaccinationSchedule.CatchUp(Series(new DateOnly(2013, 5, 1)), born1970, Today).Single(d => d.Vaccine == Vaccine.Dtp)
            .DueOn.Should().Be(born1970.AddYears(65));
        // Last booster at 18 (2008), now 36: more than 25 years before 45 → booster now.
        Dtp(Series(new DateOnly(2008, 5, 1)))!.DueOn.Should().Be(Today);
    }

    private static List<Vaccination> Series(DateOnly last) =>
        [Dose(Vaccine.Dtp, new DateOnly(1991, 5, 1)), Dose(Vaccine.Dtp, new DateOnly(1991, 7, 1), 2), Dose(Vaccine.Dtp, last, 3)];

    private static CatchUpDose? HepB(IEnumerable<Vaccination> doses) =>
        VaccinationSchedule.CatchUp(doses, Birth, Today).SingleOrDefault(d => d.Vaccine == Vaccine.HepatitisB);

    private static CatchUpDose? Dtp(IEnumerable<Vaccination> doses) =>
        VaccinationSchedule.CatchUp(doses, Birth, Today).SingleOrDefault(d => d.Vaccine == Vaccine.Dtp);
}
