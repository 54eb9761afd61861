namespace Stayfull.Integrations.Seam;

/// <summary>An event of a simulated Seam workspace: <paramref name="Payload"/> is the body Seam's webhook would carry (the event object itself).</summary>
public sealed record DemoSeamEvent(string Id, string Type, DateTimeOffset OccurredAt, string Payload);
