using UsmpCare.Domain.Followup;
using UsmpCare.Domain.Records;
using UsmpCare.Domain.Security;

namespace UsmpCare.Domain.Tests.Followup;

/// <summary>
/// The follow-up's dates and lists at their edges: a dose's number, lot and day, the hepatitis B third dose, a problem's
/// dates, a recall's window and closing. Each test kills a mutant of the 2026-12-06 Stryker run over Followup
/// (docs/deontology-matrix.md).
/// </summary>
public sealed class FollowupBoundaryTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);
    private static readonly DateOnly Birth = new(1990, 3, 10);
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    private static Vaccination Dose(DateOnly on, int number = 1, string lot = "AB123", Vaccine vaccine = Vaccine.HepatitisB,
        InjectionSite site = InjectionSite.LeftDeltoid) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Team.Somatic, vaccine, number, lot, on, site, Birth, Guid.NewGuid(), "Infirmière Roux", Now, Today);

    [Fact]
    public void A_dose_is_numbered_one_to_ten_with_a_lot_of_forty_characters_at_most()
    {
        Dose(Today, number: 1).DoseNumber.Should().Be(1);
        Dose(Today, number: 10).DoseNumber.Should().Be(10);
        foreach (var number in new[] { 0, 11 })
        {
            var act = () => Dose(Today, number: number);
            act.Should().Throw<DomainException>().WithMessage("Le numéro de dose va de 1 à 10.");
        }
        var longest = new string('L', Vaccination.LotMaxLength);
        Dose(Today, lot: longest).Lot.Should().Be(longest);
        var tooLong = () => Dose(Today, lot: longest + "L");
        tooLong.Should().Throw<DomainException>().WithMessage("Indiquez le numéro de lot*");
    }

    [Fact]
    public void A_vaccine_or_an_injection_site_off_the_list_is_refused()
    {
        var vaccine = () => Dose(Today, vaccine: (Vaccine)99);
        vaccine.Should().Throw<DomainException>().WithMessage("Choisissez le vaccin et le site d'injection dans la liste.");
        var site = () => Dose(Today, site: (InjectionSite)99);
        site.Should().Throw<DomainException>().WithMessage("Choisissez le vaccin et le site d'injection dans la liste.");
    }

    [Fact]
    public void A_dose_may_be_given_today_or_on_the_day_of_birth_not_before_it()
    {
        Dose(Today).GivenOn.Should().Be(Today);
        Dose(Birth).GivenOn.Should().Be(Birth);
        var before = () => Dose(Birth.AddDays(-1));
        before.Should().Throw<DomainException>().WithMessage("*postérieure à la naissance*");
    }

    [Fact]
    public void The_third_hepatitis_b_dose_waits_a_month_after_a_late_second_one()
    {
        var first = new DateOnly(2026, 1, 5);
        var second = new DateOnly(2026, 8, 5);

        VaccinationSchedule.CatchUp([Dose(first), Dose(second, 2)], Birth, Today).Single(d => d.Vaccine == Vaccine.HepatitisB)
            .DueOn.Should().Be(new DateOnly(2026, 9, 5));
    }

    private static Problem Asthma(DateOnly? onset) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Team.Somatic, new Cim10Code("J45.9", "Asthme, sans précision"), onset, null, Guid.NewGuid(),
            "Dr Martin", Now, Today);

    [Fact]
    public void A_problem_may_begin_and_be_resolved_today_not_tomorrow()
    {
        var problem = Asthma(Today);
        problem.OnsetOn.Should().Be(Today);
        var tomorrow = () => problem.Resolve(Today.AddDays(1), Today);
        tomorrow.Should().Throw<DomainException>().WithMessage("La date de résolution ne peut pas être dans le futur.");
        problem.Resolve(Today, Today);
        problem.ResolvedOn.Should().Be(Today);
    }

    [Fact]
    public void A_problem_is_marked_erroneous_once()
    {
        var problem = Asthma(new DateOnly(2020, 1, 1));
        problem.MarkErroneous("Mauvais patient", "Dr Martin", Now);

        var again = () => problem.MarkErroneous("Encore", "Dr Martin", Now);
        again.Should().Throw<DomainException>().WithMessage("Ce problème est déjà marqué erroné.");
    }

    private static Recall Make(DateOnly dueOn, RecallReason reason = RecallReason.Screening) =>
        Recall.ByHand(Guid.NewGuid(), Guid.NewGuid(), Team.Somatic, reason, "Sérologie VIH refusée à l'entrée", dueOn, Today,
            Guid.NewGuid(), "Dr Martin", Now);

    [Fact]
    public void A_recall_by_hand_falls_between_today_and_five_years_from_now_for_a_reason_of_the_list()
    {
        Make(Today).DueOn.Should().Be(Today);
        Make(Today.AddYears(5)).DueOn.Should().Be(Today.AddYears(5));
        var beyond = () => Make(Today.AddYears(5).AddDays(1));
        beyond.Should().Throw<DomainException>().WithMessage("La date du rappel doit être à venir, dans les cinq ans.");
        var unknown = () => Make(Today, (RecallReason)99);
        unknown.Should().Throw<DomainException>().WithMessage("Choisissez le motif du rappel dans la liste.");
    }

    [Fact]
    public void A_booked_recall_stays_open_and_a_done_one_is_not_done_twice()
    {
        var recall = Make(Today.AddMonths(1));
        var nowhere = () => recall.Book(Guid.Empty);
        nowhere.Should().Throw<DomainException>().WithMessage("Le rendez-vous du rappel est inconnu.");
        recall.Book(Guid.NewGuid());
        Recall.Open.Compile()(recall).Should().BeTrue();

        recall.MarkDone(Now);
        Recall.Open.Compile()(recall).Should().BeFalse();
        var twice = () => recall.MarkDone(Now);
        twice.Should().Throw<DomainException>().WithMessage("Ce rappel est déjà clos.");
    }
}
