using Stayfull.Domain.Common;

namespace Stayfull.Domain.Integrations;

/// <summary>One vendor's card on the Settings → Integrations page.</summary>
public sealed record IntegrationStatus(
    IntegrationVendor Vendor,
    bool IsLive,
    string CredentialHint,
    DateTimeOffset? ConnectedAt,
    DateTimeOffset? LastSuccessAt,
    DateTimeOffset? LastErrorAt,
    string? LastError,
    int ErrorCount,
    IReadOnlyList<IntegrationLogEntry> RecentErrors,
    IReadOnlyList<IntegrationUsage> UsageThisMonth,
    Money EstimatedCostThisMonth,
    int PendingWork,
    int FailedWork)
{
    public bool IsDemo => !IsLive;
}

public sealed record IntegrationUsage(string Operation, int Count, Money Cost);

/// <summary>All vendors with the month's total cost against the plan price.</summary>
public sealed record IntegrationOverview(IReadOnlyList<IntegrationStatus> Vendors, Money TotalCostThisMonth, Money PlanPrice)
{
    public Money Margin => PlanPrice - TotalCostThisMonth;
}

/// <summary>A parked webhook or outbound intent, shown with a retry button.</summary>
public sealed record FailedWork(Guid Id, bool IsWebhook, IntegrationVendor Vendor, string What, int Attempts, string? LastError, DateTimeOffset Since);
