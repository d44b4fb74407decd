using System.Globalization;
using UsmpCare.Web.Infrastructure;

namespace UsmpCare.Web.Tests.Infrastructure;

/// <summary>
/// The app's « now » and « today » are Paris time (<see cref="Fr"/>), whatever the machine's time zone; a test that
/// used <c>DateTime.Now</c> or <c>DateTime.Today</c> drifted from them by hours, and failed near midnight, at a month
/// end or across a daylight-saving change.
/// </summary>
public static class TestClock
{
    /// <summary>Today in Paris, as the pages compute it.</summary>
    public static DateOnly Today => Fr.Today(TimeProvider.System);

    /// <summary>Paris wall time at this distance from now, the distance counted in real time (so across DST too).</summary>
    public static DateTime Local(TimeSpan fromNow) => Fr.Local(DateTimeOffset.UtcNow + fromNow);

    /// <summary>What a French user types in a <c>datetime-local</c> field.</summary>
    public static string Form(DateTime local) => local.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    public static string Form(TimeSpan fromNow) => Form(Local(fromNow));
}
