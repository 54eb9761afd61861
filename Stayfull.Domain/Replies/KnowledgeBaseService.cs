using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Live;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Replies;

/// <summary>
/// The hotel's knowledge base and its automatic-reply settings. Every member of staff may read them; only
/// managers change them. Each change is audited and shown live on every open settings page.
/// </summary>
public sealed class KnowledgeBaseService(HotelSessions sessions)
{
    public Task<IReadOnlyList<KnowledgeBaseEntry>> EntriesAsync(CancellationToken cancellationToken) =>
        sessions.ReadAsync<IReadOnlyList<KnowledgeBaseEntry>>(async s =>
            await s.Db.KnowledgeBaseEntries.OrderBy(e => e.Category).ThenBy(e => e.Title).ToListAsync(cancellationToken), cancellationToken);

    /// <summary>Adds an entry (<paramref name="id"/> null) or changes one; refuses a title another entry has.</summary>
    public Task<KnowledgeBaseEntry> SaveAsync(Guid? id, KnowledgeEntryValues values, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "change the knowledge base");
            ArgumentNullException.ThrowIfNull(values);
            var title = (values.Title ?? "").Trim();
            var others = await s.Db.KnowledgeBaseEntries.Where(e => e.Id != id).Select(e => e.Title).ToListAsync(cancellationToken);
            if (title.Length > 0 && others.Contains(title, StringComparer.OrdinalIgnoreCase))
            {
                throw ValidationException.For(nameof(values.Title), $"There is already an entry called \"{title}\".");
            }

            KnowledgeBaseEntry entry;
            if (id is { } existingId)
            {
                entry = await s.Db.KnowledgeBaseEntries.SingleOrDefaultAsync(e => e.Id == existingId, cancellationToken)
                    ?? throw new NotFoundException("Knowledge base entry");
                var before = entry.Values;
                entry.Update(values, s.Staff.UserName, s.Now);
                s.Audit(nameof(KnowledgeBaseEntry), entry.Id, "Updated", new { From = before, To = entry.Values });
            }
            else
            {
                entry = new KnowledgeBaseEntry(s.HotelId, values, s.Staff.UserName, s.Now);
                s.Db.KnowledgeBaseEntries.Add(entry);
                s.Audit(nameof(KnowledgeBaseEntry), entry.Id, "Added", entry.Values);
            }

            s.Announce(ChangeTopic.Settings, entry.Id, $"Knowledge base: {entry.Title}");
            return entry;
        }, cancellationToken);

    public Task DeleteAsync(Guid id, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "change the knowledge base");
            var entry = await s.Db.KnowledgeBaseEntries.SingleOrDefaultAsync(e => e.Id == id, cancellationToken)
                ?? throw new NotFoundException("Knowledge base entry");
            s.Db.KnowledgeBaseEntries.Remove(entry);
            s.Audit(nameof(KnowledgeBaseEntry), entry.Id, "Deleted", entry.Values);
            s.Announce(ChangeTopic.Settings, entry.Id, $"Knowledge base: {entry.Title} removed", ChangeKind.Removed);
        }, cancellationToken);

    public Task<ReplySettingsValues> SettingsAsync(CancellationToken cancellationToken) =>
        sessions.ReadAsync(async s => (await s.Db.ReplySettings.SingleOrDefaultAsync(cancellationToken) ?? ReplySettings.Defaults(s.HotelId)).Values, cancellationToken);

    public Task SaveSettingsAsync(ReplySettingsValues values, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "change automatic replies");
            ArgumentNullException.ThrowIfNull(values);
            var settings = await s.Db.ReplySettings.SingleOrDefaultAsync(cancellationToken);
            if (settings is null)
            {
                settings = ReplySettings.Defaults(s.HotelId);
                s.Db.ReplySettings.Add(settings);
            }

            var before = settings.Values;
            settings.Update(values);
            s.Audit(nameof(ReplySettings), settings.Id, "Updated", new { From = before, To = settings.Values });
            s.Announce(ChangeTopic.Settings, settings.Id, values.AutoSendEnabled ? "Automatic replies on" : "Automatic replies off");
        }, cancellationToken);
}
