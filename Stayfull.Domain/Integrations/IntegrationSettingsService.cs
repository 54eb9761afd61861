using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stayfull.Domain.Common;
using Stayfull.Domain.Live;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Integrations;

/// <summary>Settings → Integrations: connect vendors, see their health, usage, cost and log, retry parked work.</summary>
public sealed class IntegrationSettingsService(HotelSessions sessions, ICredentialProtector protector, IOptions<IntegrationPricing> pricing, IEnumerable<IConnectionTester> testers)
{
    public const int MaxLogPageSize = 200;

    public Task<IntegrationOverview> OverviewAsync(CancellationToken cancellationToken) =>
        sessions.ReadAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "see integrations");
            var prices = pricing.Value;
            var monthStart = new DateTimeOffset(s.Now.Year, s.Now.Month, 1, 0, 0, 0, TimeSpan.Zero);
            var connections = await s.Db.IntegrationConnections.ToListAsync(cancellationToken);
            var usage = await s.Db.IntegrationLog
                .Where(e => e.At >= monthStart && e.Direction == IntegrationDirection.Outbound && e.Succeeded && !e.IsDemo)
                .GroupBy(e => new { e.Vendor, e.Operation })
                .Select(g => new { g.Key.Vendor, g.Key.Operation, Count = g.Count() })
                .ToListAsync(cancellationToken);
            var errors = await s.Db.IntegrationLog.Where(e => !e.Succeeded).OrderByDescending(e => e.At).Take(50).ToListAsync(cancellationToken);
            var pending = await s.Db.OutboxMessages.Where(m => m.Status == WorkStatus.Pending).GroupBy(m => m.Vendor).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            var failedOut = await s.Db.OutboxMessages.Where(m => m.Status == WorkStatus.Failed).GroupBy(m => m.Vendor).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            var failedIn = await s.Db.InboxEvents.Where(m => m.Status == WorkStatus.Failed).GroupBy(m => m.Vendor).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);

            var vendors = Enum.GetValues<IntegrationVendor>().Select(vendor =>
            {
                var connection = connections.FirstOrDefault(c => c.Vendor == vendor);
                var lines = usage.Where(u => u.Vendor == vendor)
                    .Select(u => new IntegrationUsage(u.Operation, u.Count, new Money(u.Count * prices.PriceOf(vendor, u.Operation), prices.Currency)))
                    .OrderBy(u => u.Operation, StringComparer.Ordinal)
                    .ToList();
                return new IntegrationStatus(
                    vendor,
                    connection?.IsLive ?? false,
                    connection?.CredentialHint ?? "",
                    connection?.ConnectedAt,
                    connection?.LastSuccessAt,
                    connection?.LastErrorAt,
                    connection?.LastError,
                    connection?.ErrorCount ?? 0,
                    [.. errors.Where(e => e.Vendor == vendor).Take(5)],
                    lines,
                    lines.Aggregate(Money.Zero(prices.Currency), (sum, u) => sum + u.Cost),
                    pending.FirstOrDefault(p => p.Key == vendor)?.Count ?? 0,
                    (failedOut.FirstOrDefault(p => p.Key == vendor)?.Count ?? 0) + (failedIn.FirstOrDefault(p => p.Key == vendor)?.Count ?? 0));
            }).ToList();
            var total = vendors.Aggregate(Money.Zero(prices.Currency), (sum, v) => sum + v.EstimatedCostThisMonth);
            return new IntegrationOverview(vendors, total, new Money(prices.PlanPriceMinor, prices.Currency));
        }, cancellationToken);

    /// <summary>Stores the vendor's credentials encrypted; the hotel leaves demo mode for that vendor.</summary>
    public Task ConnectAsync(IntegrationVendor vendor, IReadOnlyDictionary<string, string> credentials, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "connect integrations");
            var fields = VendorCredentialFields.For(vendor);
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var errors = new Dictionary<string, string[]>();
            foreach (var field in fields)
            {
                var value = credentials.TryGetValue(field.Name, out var v) ? v.Trim() : "";
                if (value.Length == 0 && field.Required)
                {
                    errors[field.Name] = [$"{field.Label} is required."];
                }
                else if (value.Length > 2000)
                {
                    errors[field.Name] = [$"{field.Label} is too long."];
                }
                else if (value.Length > 0)
                {
                    values[field.Name] = value;
                }
            }

            if (errors.Count > 0)
            {
                throw new ValidationException(errors);
            }

            var connection = await s.Db.IntegrationConnections.FirstOrDefaultAsync(c => c.Vendor == vendor, cancellationToken);
            if (connection is null)
            {
                connection = new IntegrationConnection(s.HotelId, vendor);
                s.Db.IntegrationConnections.Add(connection);
            }

            var hintSource = values[VendorCredentialFields.HintField(vendor)];
            connection.Connect(protector.Protect(new VendorCredentials(values).Serialize()), hintSource, s.Staff.UserName, s.Now);
            s.Audit("Integration", connection.Id, "Connected", new { Vendor = vendor.ToString(), Hint = connection.CredentialHint });
            s.Announce(ChangeTopic.Settings, connection.Id, $"{vendor} connected");
        }, cancellationToken);

    public Task DisconnectAsync(IntegrationVendor vendor, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "disconnect integrations");
            var connection = await s.Db.IntegrationConnections.FirstOrDefaultAsync(c => c.Vendor == vendor, cancellationToken) ?? throw new NotFoundException($"{vendor} connection");
            connection.Disconnect();
            s.Audit("Integration", connection.Id, "Disconnected", new { Vendor = vendor.ToString() });
            s.Announce(ChangeTopic.Settings, connection.Id, $"{vendor} disconnected; demo mode");
        }, cancellationToken);

    public async Task<ConnectionTestResult> TestAsync(IntegrationVendor vendor, CancellationToken cancellationToken)
    {
        var staff = await sessions.ReadAsync(s => Task.FromResult(s.Staff), cancellationToken);
        staff.Require(StaffRole.Manager, "test integrations");
        var tester = testers.FirstOrDefault(t => t.Vendor == vendor);
        return tester is null
            ? new ConnectionTestResult(false, $"{vendor} has no connection test.")
            : await tester.TestAsync(staff.HotelId, cancellationToken);
    }

    public Task<IReadOnlyList<IntegrationLogEntry>> LogAsync(IntegrationVendor? vendor, bool? succeeded, int page, int pageSize, CancellationToken cancellationToken) =>
        sessions.ReadAsync<IReadOnlyList<IntegrationLogEntry>>(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "see the integration log");
            var size = Math.Clamp(pageSize, 1, MaxLogPageSize);
            var query = s.Db.IntegrationLog.AsQueryable();
            if (vendor is { } v)
            {
                query = query.Where(e => e.Vendor == v);
            }

            if (succeeded is { } ok)
            {
                query = query.Where(e => e.Succeeded == ok);
            }

            return await query.OrderByDescending(e => e.At).Skip(Math.Max(0, page) * size).Take(size).ToListAsync(cancellationToken);
        }, cancellationToken);

    public Task<IReadOnlyList<FailedWork>> FailedWorkAsync(CancellationToken cancellationToken) =>
        sessions.ReadAsync<IReadOnlyList<FailedWork>>(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "see failed integration work");
            var inbound = await s.Db.InboxEvents.Where(e => e.Status == WorkStatus.Failed)
                .Select(e => new FailedWork(e.Id, true, e.Vendor, e.EventType, e.Attempts, e.LastError, e.ReceivedAt)).ToListAsync(cancellationToken);
            var outbound = await s.Db.OutboxMessages.Where(m => m.Status == WorkStatus.Failed)
                .Select(m => new FailedWork(m.Id, false, m.Vendor, m.Operation, m.Attempts, m.LastError, m.CreatedAt)).ToListAsync(cancellationToken);
            return [.. inbound.Concat(outbound).OrderByDescending(w => w.Since)];
        }, cancellationToken);

    public Task RetryAsync(Guid workId, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "retry integration work");
            var inbound = await s.Db.InboxEvents.FirstOrDefaultAsync(e => e.Id == workId && e.Status == WorkStatus.Failed, cancellationToken);
            var outbound = inbound is null ? await s.Db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == workId && m.Status == WorkStatus.Failed, cancellationToken) : null;
            if (inbound is not null)
            {
                inbound.Retry(s.Now);
                s.AfterSave(WorkSignals.Inbox.Raise);
            }
            else if (outbound is not null)
            {
                outbound.Retry(s.Now);
                s.AfterSave(WorkSignals.Outbox.Raise);
            }
            else
            {
                throw new NotFoundException("Failed integration work");
            }

            s.Audit("Integration", workId, "Retried", new { });
        }, cancellationToken);
}
