using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace UsmpCare.Web.Tests.Infrastructure;

/// <summary>A clock the test moves: the app's « now » is an input (TimeProvider), so waiting is a line, not a sleep.</summary>
public sealed class FakeClock : TimeProvider
{
    private DateTimeOffset _now = System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => _now;

    /// <summary>Back to the real time (a demo account's code is computed from it to sign in).</summary>
    public void Reset() => _now = System.GetUtcNow();

    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>The app with a <see cref="FakeClock"/> in place of the system clock, and a 2-day idle timeout.</summary>
public sealed class FakeClockFactory : UsmpFactory
{
    public FakeClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The cookie handler reads the same clock: a long idle timeout leaves the absolute lifetime alone to end a
        // session the test moves hours forward.
        builder.UseSetting("Security:IdleTimeoutMinutes", (2 * 24 * 60).ToString());
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
