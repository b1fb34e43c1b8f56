# Writes every src/db/migrations/NNNN_name.sql into one C++ include file, so the binary carries its
# schema and `trellis migrate` needs no files beside it.
file(GLOB files "${DIR}/*.sql")
list(SORT files)
set(body "")
foreach(path ${files})
  get_filename_component(name ${path} NAME)
  string(SUBSTRING ${name} 0 4 number)
  math(EXPR version "${number}")
  file(READ ${path} sql)
  string(APPEND body "{${version}, \"${name}\", R\"TRELLIS_SQL(${sql})TRELLIS_SQL\"},\n")
endforeach()
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
