# Warnings for every fwctl target; FWD_WERROR turns them into errors (CI sets it).
function(fwctl_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wshadow -Wnon-virtual-dtor
                         -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual
                         -Wnull-dereference -Wformat=2)
  if(FWD_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
