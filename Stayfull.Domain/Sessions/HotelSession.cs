using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Stayfull.Domain.Audit;
using Stayfull.Domain.Common;
using Stayfull.Domain.Data;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Live;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Sessions;

/// <summary>
/// One unit of work for one hotel: a fresh context bound to the hotel, who is acting, the hotel's
/// "now" and "today", and the audit lines and live updates that go with the change.
/// </summary>
public sealed class HotelSession : IAsyncDisposable
{
    // Audit details are read by people: keep accents and dashes as written (the UI escapes on render).
    private static readonly JsonSerializerOptions AuditJson = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private readonly List<HotelChange> _changes = [];
    private readonly List<Action> _afterSave = [];

    internal HotelSession(StayfullDbContext db, StaffContext staff, Hotel hotel, DateTimeOffset now)
    {
        Db = db;
        Staff = staff;
        Hotel = hotel;
        Now = now;
        Today = hotel.LocalDate(now);
    }

    public StayfullDbContext Db { get; }

    public StaffContext Staff { get; }

    public Hotel Hotel { get; }

    public DateTimeOffset Now { get; }

    /// <summary>The hotel's calendar date now, in its own time zone.</summary>
    public DateOnly Today { get; }

    public Guid HotelId => Hotel.Id;

    internal IReadOnlyList<HotelChange> Changes => _changes;

    internal IReadOnlyList<Action> AfterSaveActions => _afterSave;

    public Money Money(long minor) => Hotel.Money(minor);

    /// <summary>Adds an audit line to the same save as the change it describes.</summary>
    public void Audit(string entityType, Guid entityId, string action, object details) =>
        Db.AuditEntries.Add(new AuditEntry(HotelId, Now, Staff.UserName, entityType, entityId, action, JsonSerializer.Serialize(details, AuditJson)));

    /// <summary>Queues a live update, sent only after the change is saved.</summary>
    public void Announce(ChangeTopic topic, Guid? entityId, string summary, ChangeKind kind = ChangeKind.Changed) =>
        _changes.Add(new HotelChange(HotelId, topic, entityId, summary, kind));

    /// <summary>Runs <paramref name="action"/> once the change is committed (e.g. wake a processor).</summary>
    public void AfterSave(Action action) => _afterSave.Add(action);

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
