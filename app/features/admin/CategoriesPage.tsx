import { Navigate } from 'react-router';
import { map } from 'rxjs';
import type { Category } from '@shared/schemas/misc';
import { toDomain, useLiveQuery } from '../../db/hooks';
import { useSession } from '../../session/SessionContext';
import { CategoryCard } from './CategoryCard';
import { NewCategoryForm } from './NewCategoryForm';
import './admin.css';

/** `/admin/categories`: what tickets are about (reports group by it), for admins: add one, edit its skills and default priority. */
export function CategoriesPage() {
  const { user } = useSession();
  const categories = useLiveQuery(
    (db) => db.categories.find().$.pipe(map((docs) => docs.map((doc) => toDomain<Category>(doc.toJSON())).sort((a, b) => a.name.localeCompare(b.name)))),
    [],
    [] as Category[],
  );
  if (user.role !== 'admin') return <Navigate to="/" replace />;

  return (
    <div className="reference-admin">
      <h1>Categories</h1>
      <NewCategoryForm categories={categories} />
      <h2>
        All categories <span className="count">({categories.length})</span>
      </h2>
      {categories.map((category) => (
        <CategoryCard key={category.id} category={category} categories={categories} />
      ))}
    </div>
  );
}
