namespace Stayfull.Integrations.Seam;

/// <summary>
/// Configuration section <c>Integrations:Seam:Demo</c>: how lively the simulated Seam workspace of a hotel
/// without Seam credentials is. Every chance is per tick and draws from one random sequence per workspace,
/// so the same seed and the same ticks give the same events.
/// </summary>
public sealed class SeamDemoOptions
{
    public const string Section = "Integrations:Seam:Demo";

    /// <summary>Whether the web host ticks the demo workspaces at all.</summary>
    public bool EventsEnabled { get; set; } = true;

    /// <summary>Time between ticks, on the injected clock.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Fixes the random sequence of every workspace; by default each hotel's id seeds its own.</summary>
    public int? Seed { get; set; }

    /// <summary>A guest opens an occupied room's door with their code (the lock relocks itself shortly after).</summary>
    public double GuestActivityChance { get; set; } = 0.2;

    /// <summary>One lock's battery drops a little (and a flat one gets fresh batteries).</summary>
    public double BatteryDrainChance { get; set; } = 0.15;

    /// <summary>One lock drops off the network for a few minutes.</summary>
    public double DisconnectChance { get; set; } = 0.005;

    /// <summary>At most this many thermostats report a new temperature per tick as rooms drift toward their set points.</summary>
    public int ThermostatStepsPerTick { get; set; } = 2;

    /// <summary>How far a drifting room's temperature moves per step.</summary>
    public double ThermostatStepCelsius { get; set; } = 0.5;
}
