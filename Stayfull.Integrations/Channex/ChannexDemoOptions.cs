using Microsoft.Extensions.Options;

namespace Stayfull.Integrations.Channex;

/// <summary>
/// Configuration section <c>Integrations:Channex:Demo</c>: how lively the simulated Channex property of a demo
/// hotel is. Every chance is per tick and draws from one seeded random sequence per hotel, so the same seed and
/// the same ticks tell the same story.
/// </summary>
public sealed class ChannexDemoOptions
{
    public const string Section = "Integrations:Channex:Demo";

    /// <summary>Whether the web host ticks the demo properties at all.</summary>
    public bool EventsEnabled { get; set; } = true;

    /// <summary>Time between ticks, on the injected clock.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>The first tick (which always brings a booking) comes this soon after the host starts.</summary>
    public TimeSpan FirstTickAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Fixes the random sequence of every property; by default each hotel's id seeds its own.</summary>
    public int? Seed { get; set; }

    /// <summary>A new OTA booking arrives.</summary>
    public double BookingChance { get; set; } = 0.3;

    /// <summary>One of the simulated bookings is modified or cancelled.</summary>
    public double ChangeChance { get; set; } = 0.1;

    /// <summary>A guest writes in the OTA chat of one of the simulated bookings.</summary>
    public double MessageChance { get; set; } = 0.2;

    /// <summary>ARI pushes kept per hotel for the console to show; the oldest go first.</summary>
    public int RecordedPushes { get; set; } = 200;
}

internal sealed class ChannexDemoOptionsValidator : IValidateOptions<ChannexDemoOptions>
{
    public ValidateOptionsResult Validate(string? name, ChannexDemoOptions options)
    {
        var failures = new List<string>();
        if (options.TickInterval <= TimeSpan.Zero || options.TickInterval > TimeSpan.FromHours(1))
        {
            failures.Add("Integrations:Channex:Demo:TickInterval must be between 0 and 1 hour.");
        }

        if (options.FirstTickAfter < TimeSpan.Zero || options.FirstTickAfter > TimeSpan.FromHours(1))
        {
            failures.Add("Integrations:Channex:Demo:FirstTickAfter must be between 0 and 1 hour.");
        }

        foreach (var (setting, chance) in new[] { ("BookingChance", options.BookingChance), ("ChangeChance", options.ChangeChance), ("MessageChance", options.MessageChance) })
        {
            if (chance is < 0 or > 1 || double.IsNaN(chance))
            {
                failures.Add($"Integrations:Channex:Demo:{setting} must be between 0 and 1.");
            }
        }

        if (options.RecordedPushes is < 1 or > 10_000)
        {
            failures.Add("Integrations:Channex:Demo:RecordedPushes must be between 1 and 10000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
