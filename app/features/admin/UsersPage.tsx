import { useState } from 'react';
import { Navigate } from 'react-router';
import { map } from 'rxjs';
import type { Site } from '@shared/schemas/site';
import type { User } from '@shared/schemas/user';
import { toDomain, useLiveQuery } from '../../db/hooks';
import { useSession } from '../../session/SessionContext';
import { NewUserForm } from './NewUserForm';
import { UserCard } from './UserCard';
import './admin.css';

/** `/admin/users`: the people who use the service, for admins: add one, edit details and access, set a password. */
export function UsersPage() {
  const { user } = useSession();
  const [filter, setFilter] = useState('');
  const users = useLiveQuery(
    (db) => db.users.find().$.pipe(map((docs) => docs.map((doc) => toDomain<User>(doc.toJSON())).sort((a, b) => a.fullName.localeCompare(b.fullName)))),
    [],
    [] as User[],
  );
  const sites = useLiveQuery((db) => db.sites.find().$.pipe(map((docs) => docs.map((doc) => toDomain<Site>(doc.toJSON())).sort((a, b) => a.name.localeCompare(b.name)))), [], [] as Site[]);
  if (user.role !== 'admin') return <Navigate to="/" replace />;

  const needle = filter.trim().toLowerCase();
  const shown = needle ? users.filter((entry) => `${entry.fullName} ${entry.username} ${entry.email} ${entry.role}`.toLowerCase().includes(needle)) : users;
  return (
    <div className="users-admin">
      <h1>Users</h1>
      <NewUserForm sites={sites} />
      <h2>
        Directory <span className="count">({users.length})</span>
      </h2>
      <label>
        Find a user
        <input type="search" value={filter} placeholder="Name, username, email or role" onChange={(event) => setFilter(event.target.value)} />
      </label>
      {shown.map((entry) => (
        <UserCard key={entry.id} user={entry} sites={sites} />
      ))}
    </div>
  );
}
